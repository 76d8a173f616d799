import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../../src/core/errors.ts";
import {
  cellToE164,
  cellToWhatsAppId,
  isCell,
  normalizeCell,
  whatsAppIdToCell,
} from "../../../src/domain/phone.ts";

describe("normalizeCell", () => {
  it.each([
    ["0525551234", "0525551234"],
    ["052-555-1234", "0525551234"],
    ["052 555 1234", "0525551234"],
    ["+972525551234", "0525551234"],
    ["+972-52-555-1234", "0525551234"],
    ["972525551234", "0525551234"],
    ["972525551234@c.us", "0525551234"],
    [" (052) 5551234 ", "0525551234"],
  ])("reads %s as %s", (input, out) => {
    expect(normalizeCell(input)).toBe(out);
  });

  it.each([
    ["031234567", "a landline"],
    ["+14155552671", "a US number"],
    ["05255512", "too short"],
    ["05255512345", "too long"],
    ["abc", "letters"],
    ["", "empty"],
    ["0525551234; drop table", "trailing junk"],
  ])("refuses %s (%s) with a typed error naming the field", (input) => {
    expect(() => normalizeCell(input, "customer cell")).toThrow(InvalidInputError);
    try {
      normalizeCell(input, "customer cell");
    } catch (e) {
      expect((e as InvalidInputError).field).toBe("customer cell");
    }
  });

  it("converts between the API's, E.164 and WhatsApp forms", () => {
    expect(cellToE164("052-555-1234")).toBe("+972525551234");
    expect(cellToWhatsAppId("0525551234")).toBe("972525551234@c.us");
    expect(whatsAppIdToCell("972525551234@c.us")).toBe("0525551234");
    expect(whatsAppIdToCell("120363042@g.us")).toBeNull();
    expect(whatsAppIdToCell("123456789012345@lid")).toBeNull();
    expect(whatsAppIdToCell("14155552671@c.us")).toBeNull();
    expect(isCell("0525551234")).toBe(true);
    expect(isCell("031234567")).toBe(false);
  });
});
