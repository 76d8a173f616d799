import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type ReminderAnswer,
  reminderReading,
  understand,
} from "../../../src/conversation/understanding/understand.ts";

/**
 * Reads the labeled corpus (test/corpus/*.tsv, see its README) and measures how the
 * understanding step reads it: per language and per intent, printed, then held to the goals.
 */
const CORPUS = join(import.meta.dirname, "../../corpus");
const ANSWERS = new Set(["yes", "no", "unsure", "late", "question"]);

interface Row {
  lang: string;
  line: number;
  label: string;
  slots: Record<string, string>;
  text: string;
}

function load(): Row[] {
  const rows: Row[] = [];
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith(".tsv"))) {
    const lang = file.replace(".tsv", "");
    readFileSync(join(CORPUS, file), "utf8")
      .split("\n")
      .forEach((raw, i) => {
        if (!raw.trim() || raw.startsWith("#")) return;
        const [label, slots, ...text] = raw.split("\t");
        if (!label || !slots || text.length === 0) throw new Error(`${file}:${i + 1}: needs three columns`);
        rows.push({
          lang,
          line: i + 1,
          label,
          slots: Object.fromEntries(
            slots === "-" ? [] : slots.split(" ").map((kv) => kv.split("=") as [string, string]),
          ),
          text: text.join("\t"),
        });
      });
  }
  return rows;
}

const OPPOSITE: Partial<Record<ReminderAnswer, ReminderAnswer>> = { yes: "no", no: "yes" };

function judge(row: Row) {
  const u = understand(row.text);
  if (ANSWERS.has(row.label)) {
    const got = reminderReading(u);
    const expected = row.label as ReminderAnswer;
    const right = got === expected || (expected === "unsure" && got === null);
    return { right, opposite: got !== null && OPPOSITE[expected] === got, got: String(got) };
  }
  const slotsRight = Object.entries(row.slots).every(
    ([k, v]) => (u.slots as Record<string, string | undefined>)[k] === v,
  );
  return {
    right: u.intent === row.label && slotsRight,
    opposite: false,
    got: `${u.intent} ${JSON.stringify(u.slots)}`,
  };
}

describe("the understanding step on how people really text", () => {
  const rows = load();
  const results = rows.map((row) => ({ row, ...judge(row) }));

  it("is measured on a corpus of at least 600 messages, 120 per language, 40% answers to reminders", () => {
    expect(rows.length).toBeGreaterThanOrEqual(600);
    for (const lang of ["he", "en", "ar", "ru"]) {
      expect(rows.filter((r) => r.lang === lang).length).toBeGreaterThanOrEqual(120);
    }
    expect(rows.filter((r) => ANSWERS.has(r.label)).length / rows.length).toBeGreaterThanOrEqual(0.4);
  });

  it("prints its accuracy per language and per intent, and meets the goals", () => {
    const pct = (list: typeof results) =>
      list.length ? `${((100 * list.filter((r) => r.right).length) / list.length).toFixed(1)}%` : "-";
    const answers = results.filter((r) => ANSWERS.has(r.row.label));
    const requests = results.filter((r) => !ANSWERS.has(r.row.label));
    const lines = [`understanding: ${rows.length} messages`];
    for (const lang of ["he", "en", "ar", "ru"]) {
      const of = (l: typeof results) => l.filter((r) => r.row.lang === lang);
      lines.push(
        `  ${lang}: answers ${pct(of(answers))} of ${of(answers).length}, requests ${pct(of(requests))} of ${of(requests).length}`,
      );
    }
    for (const label of [...new Set(rows.map((r) => r.label))]) {
      const of = results.filter((r) => r.row.label === label);
      lines.push(`  ${label.padEnd(13)} ${pct(of).padStart(6)} of ${of.length}`);
    }
    const opposite = results.filter((r) => r.opposite);
    lines.push(
      `  answers ${pct(answers)}, requests ${pct(requests)}, read the opposite way: ${opposite.length}`,
    );
    const wrong = results.filter((r) => !r.right);
    for (const w of wrong)
      lines.push(`  miss ${w.row.lang}:${w.row.line} ${w.row.label} <- ${w.got}: ${w.row.text}`);
    console.log(lines.join("\n"));

    expect(opposite.map((r) => r.row.text)).toEqual([]);
    expect(answers.filter((r) => r.right).length / answers.length).toBeGreaterThanOrEqual(0.97);
    expect(requests.filter((r) => r.right).length / requests.length).toBeGreaterThanOrEqual(0.9);
  });
});
