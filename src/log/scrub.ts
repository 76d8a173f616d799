/**
 * Error texts from libraries (a WhatsApp send that failed, a Bot API answer) may carry the number
 * or chat id they were about: `972521234567@c.us`, `chat 123456789 not found`. Any run of 9 or
 * more digits (separators allowed, as numbers are written) becomes `[number]`; dates and counts
 * stay readable.
 */
export function withoutNumbers(text: string): string {
  return text.replace(/\+?\d[\d\s().-]*\d(@[a-z.]+)?/gi, (run) =>
    (run.match(/\d/g)?.length ?? 0) >= 9 ? "[number]" : run,
  );
}

/** The same, in place, on an error about to be rethrown (BullMQ keeps its message as failedReason). */
export function scrubError<E>(e: E): E {
  if (e instanceof Error) e.message = withoutNumbers(e.message);
  return e;
}
