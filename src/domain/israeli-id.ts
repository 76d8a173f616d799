import { InvalidInputError } from "../core/errors.ts";

/**
 * Israeli ID (Teudat Zehut): up to 9 digits, left-padded with zeros, whose Luhn-like check digit
 * holds. People often drop leading zeros, so 8-digit input is accepted and padded.
 */
export function normalizeIsraeliId(input: string, field = "tz"): string {
  const raw = String(input ?? "").replace(/[\s-]/g, "");
  if (!/^\d{5,9}$/.test(raw))
    throw new InvalidInputError(field, "must be an Israeli ID number of up to 9 digits");
  const id = raw.padStart(9, "0");
  if (!hasValidCheckDigit(id))
    throw new InvalidInputError(field, "is not a valid Israeli ID number (check digit)");
  return id;
}

export function isValidIsraeliId(input: string): boolean {
  try {
    normalizeIsraeliId(input);
    return true;
  } catch {
    return false;
  }
}

function hasValidCheckDigit(nineDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nineDigits[i]) * ((i % 2) + 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}
