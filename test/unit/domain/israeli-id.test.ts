import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../../src/core/errors.ts";
import { isValidIsraeliId, normalizeIsraeliId } from "../../../src/domain/israeli-id.ts";

describe("Israeli ID", () => {
  it.each([
    ["000000018", "000000018"],
    ["123456782", "123456782"],
    ["12345678-2", "123456782"],
    ["39337423", "039337423"],
  ])("accepts %s as %s", (input, out) => {
    expect(normalizeIsraeliId(input)).toBe(out);
  });

  it.each(["123456789", "000000019", "1234567890", "12a456782", "", "1234"])("refuses %s", (input) => {
    expect(isValidIsraeliId(input)).toBe(false);
    expect(() => normalizeIsraeliId(input)).toThrow(InvalidInputError);
  });

  it("says which check failed", () => {
    expect(() => normalizeIsraeliId("123456789")).toThrow(/check digit/);
  });
});
