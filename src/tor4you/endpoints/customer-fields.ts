import { cellParam, emailParam, numberedParams, optional, textParam, tzParam } from "../inputs.ts";

/** A customer as addappt, addcust and editcust take it. */
export interface CustomerFields {
  first: string;
  last: string;
  /** Any common form of an Israeli mobile (`+972 52-…`, `052…`); sent as `05XXXXXXXX`. */
  cell: string;
  /** Israeli ID; checked by its check digit and sent as 9 digits. */
  tz?: string;
  email?: string;
  street?: string;
  city?: string;
  /** Customer extra fields cx1..cx10. */
  extra?: Record<string, string>;
}

export function customerParams(c: CustomerFields): Record<string, string> {
  const params: Record<string, string> = {};
  optional(params, "tz", c.tz, (v) => tzParam(v));
  params.first = textParam("first", c.first, 100);
  params.last = textParam("last", c.last, 100);
  optional(params, "email", c.email, (v) => emailParam(v));
  params.cell = cellParam(c.cell);
  optional(params, "street", c.street, (v) => textParam("street", v, 200));
  optional(params, "city", c.city, (v) => textParam("city", v, 100));
  Object.assign(params, numberedParams("cx", 10, c.extra));
  return params;
}
