import { formatApiMinute } from "../../tor4you/dates.ts";
import { refuse } from "../refusal.ts";
import { subscriptionShape, subscriptionUse } from "../wire-shapes.ts";
import type { CallHandler } from "./context.ts";

export const subinfo: CallHandler = ({ site, p }) => {
  const customerid = p.id("customerid", { required: true });
  const c = site.customers.get(customerid);
  if (!c || c.isLozamin) refuse("customer not found");
  const subs = [...site.subscriptions.values()].filter((s) => s.customer === customerid);
  return { subscriptions: subs.map((s) => subscriptionShape(site, s)) };
};

export const subusage: CallHandler = ({ site, p }) => {
  const sub = site.subscriptions.get(p.id("subid", { required: true }));
  if (!sub) refuse("subscription not found");
  return {
    usage: subscriptionUse(site, sub).map((a) => ({
      apptid: a.id,
      date: formatApiMinute(a.from),
      participants: String(a.participants),
    })),
  };
};
