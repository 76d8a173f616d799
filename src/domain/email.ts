import { z } from "zod";
import { InvalidInputError } from "../core/errors.ts";

const emailSchema = z.email();

export function normalizeEmail(input: string, field = "email"): string {
  const value = String(input ?? "").trim();
  if (!emailSchema.safeParse(value).success)
    throw new InvalidInputError(field, "is not a valid email address");
  return value;
}
