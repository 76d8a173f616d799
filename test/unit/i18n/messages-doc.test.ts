import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MESSAGES_DOC, renderMessagesDoc } from "../../../src/i18n/messages-doc.ts";

describe("docs/messages.md", () => {
  it("is current with the locale files (run `npm run docs:messages` after editing a .ftl file)", () => {
    const committed = readFileSync(MESSAGES_DOC, "utf8");
    expect(committed === renderMessagesDoc(), "docs/messages.md is stale: run `npm run docs:messages`").toBe(
      true,
    );
  });

  it("shows every locale's text with sample values, not placeholders", () => {
    const doc = renderMessagesDoc();
    expect(doc).toContain("### book-summary");
    expect(doc).toMatch(/\*\*he\*\*\n\n> .*יוסי כהן/);
    expect(doc).not.toMatch(/\{ ?\$[a-z]/);
    expect(doc).not.toContain("(missing)");
  });
});
