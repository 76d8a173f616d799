import { describe, expect, it } from "vitest";
import { signWebhook } from "../../../src/tor4you/signature.ts";
import {
  parseWebhook,
  readWebhook,
  Tor4YouWebhookError,
  verifyWebhook,
} from "../../../src/tor4you/webhook.ts";

const KEY = "webhook-key-from-settings";

/** The shape real handlers read (wire notes: confirmed). */
function body(over: Record<string, unknown> = {}) {
  const b: Record<string, unknown> = {
    id: "884213",
    action: "2",
    apptid: "5123456",
    apptstatus: "1",
    customerid: "771",
    From_date: "24/11/2026 10:30:00",
    to_date: "24/11/2026 11:00:00",
    staffname: "דנה ",
    customercell: "0525551234",
    customerfirst: "ישראל ",
    customerlast: "ישראלי",
    updateby: "99",
    tmp_expire_date: "",
    iscoming: "0",
    showstatus: "0",
    ...over,
  };
  b.sh = over.sh ?? signWebhook(String(b.id), KEY);
  return b;
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(Tor4YouWebhookError);
    return (e as Tor4YouWebhookError).code;
  }
  throw new Error("expected a Tor4YouWebhookError");
}

describe("webhook", () => {
  it("parses the confirmed payload into a normalized event", () => {
    const e = readWebhook(body(), KEY);
    expect(e.notificationId).toBe("884213");
    expect(e.action).toBe("update");
    expect(e.appointmentId).toBe("5123456");
    expect(e.status).toBe("live");
    expect(e.start?.toISO()).toBe("2026-11-24T10:30:00.000+02:00");
    expect(e.end?.diff(e.start!, "minutes").minutes).toBe(30);
    expect(e.staffName).toBe("דנה");
    expect(e.customer).toEqual({ id: "771", first: "ישראל", last: "ישראלי", cell: "0525551234" });
    expect(e.updateBy).toBe("99");
    expect(e.tmpExpire).toBeUndefined();
    expect(e.iscoming).toBe(0);
  });

  it("is liberal with numbers, escaped slashes, temporary bookings and a bad cell", () => {
    const e = parseWebhook({
      ...body({ id: 884214, action: 1, apptid: 5123457 }),
      From_date: "24\\/11\\/2026 10:30:00",
      to_date: "24\\/11\\/2026 11:00:00",
      tmp_expire_date: "24/11/2026 08:45:00",
      customercell: "03-1234567",
    });
    expect(e.action).toBe("create");
    expect(e.notificationId).toBe("884214");
    expect(e.appointmentId).toBe("5123457");
    expect(e.start?.hour).toBe(10);
    expect(e.tmpExpire?.toFormat("HH:mm")).toBe("08:45");
    expect(e.customer.cell).toBeUndefined();
  });

  it("maps every documented action and lets a cancel come without dates", () => {
    expect(parseWebhook(body({ action: "3", From_date: "", to_date: "" })).action).toBe("cancel");
    expect(parseWebhook(body({ action: "5", apptstatus: "5" })).status).toBe("expired");
  });

  it("verifies sh = sha256(id + key) and refuses anything else", () => {
    expect(verifyWebhook(body(), KEY)).toBe(true);
    expect(verifyWebhook(body(), "another-key")).toBe(false);
    expect(verifyWebhook(body({ sh: "0".repeat(64) }), KEY)).toBe(false);
    expect(verifyWebhook({ ...body(), id: "884215" }, KEY)).toBe(false);
    const { sh: _sh, ...unsigned } = body();
    expect(verifyWebhook(unsigned, KEY)).toBe(false);
    expect(code(() => readWebhook(body({ sh: "f".repeat(64) }), KEY))).toBe("webhook_unsigned");
  });

  it.each([
    ["not an object", "[]"],
    ["unknown action", { action: "4" }],
    ["missing apptid", { apptid: "" }],
    ["an id that cannot be part of a job id", { id: "a:b c" }],
    ["update without dates", { From_date: "" }],
    ["impossible date", { From_date: "31/02/2026 10:00:00" }],
  ])("calls a malformed body malformed: %s", (_name, over) => {
    const input = over === "[]" ? [] : body(over as Record<string, unknown>);
    expect(code(() => parseWebhook(input))).toBe("webhook_malformed");
  });

  it("never puts the payload's personal data in the error", () => {
    try {
      parseWebhook(body({ From_date: "bad" }));
    } catch (e) {
      expect(String((e as Error).message)).not.toMatch(/0525551234|ישראל/);
    }
  });
});

describe("webhook dates and keys written another way", () => {
  const at = (e: ReturnType<typeof parseWebhook>) => e.start?.toFormat("yyyy-MM-dd HH:mm");

  it.each([
    ["From_date", "24/11/2026 10:30:00"],
    ["from_date", "24/11/2026 10:30:00"],
    ["From_Date", "24/11/2026 10:30"],
    ["From_date", "2026-11-24 10:30:00"],
    ["From_date", "202611241030"],
  ])("%s = '%s' is read, not dropped as malformed", (key, value) => {
    const { From_date: _, ...rest } = body();
    expect(at(parseWebhook({ ...rest, [key]: value }))).toBe("2026-11-24 10:30");
  });

  it.each(["0000-00-00 00:00:00", "00/00/0000 00:00:00"])(
    "tmp_expire_date '%s' (a zero date) is an ordinary booking",
    (zero) => {
      expect(parseWebhook(body({ tmp_expire_date: zero })).tmpExpire).toBeUndefined();
    },
  );

  it("a tmp_expire_date in a form we cannot read still marks the booking temporary (it gets no reminder)", () => {
    const e = parseWebhook(body({ tmp_expire_date: "soon" }));
    expect(e.tmpExpire).toBeDefined();
  });

  it("a readable tmp_expire_date in another form is that time", () => {
    const e = parseWebhook(body({ tmp_expire_date: "2026-11-24 09:45:00" }));
    expect(e.tmpExpire?.toFormat("HH:mm")).toBe("09:45");
  });
});

describe("notification ids that are not numbers", () => {
  it.each(["wh_8f3a2c", "3f2b9c1e-8d4a-4c2b-9e1f-0a1b2c3d4e5f"])(
    "'%s' is kept, not dropped as malformed",
    (id) => {
      expect(parseWebhook(body({ id, sh: signWebhook(id, KEY) })).notificationId).toBe(id);
    },
  );

  it("an id that could not be part of a job id is refused", () => {
    expect(code(() => parseWebhook(body({ id: "a:b" })))).toBe("webhook_malformed");
  });
});
