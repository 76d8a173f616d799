import { z } from "zod";
import { objectIn, requireList } from "../envelope.ts";
import type { Schemas } from "../schemas.ts";
import type { CallFn } from "../transport.ts";

/** What every group of endpoint methods needs: the transport, the zone's schemas, the zone. */
export interface EndpointContext {
  call: CallFn;
  schemas: Schemas;
  zone: string;
}

export function readList<S extends z.ZodType>(schema: S, keys: string[]) {
  const list = z.array(schema);
  return (body: Record<string, unknown>): z.output<S>[] => list.parse(requireList(body, keys));
}

export function readOne<S extends z.ZodType>(schema: S, keys: string[]) {
  return (body: Record<string, unknown>): z.output<S> => schema.parse(objectIn(body, keys));
}

/** delappt, iscoming, editcust, ... answer with the bare envelope; success is all there is. */
export function readNothing(): void {}

export interface ShowCancelled {
  /** Include cancelled (status 0) rows; the API's default is not to. */
  showCancelled?: boolean;
}
