import { AppError, InvalidInputError } from "../core/errors.ts";

/**
 * A call the real API would answer with HTTP 200 `{"status":0,"message":…}`. Thrown by the rules,
 * turned into that envelope by the router; the message is what a Tor4You user would read.
 */
export class ApiRefusal extends AppError {
  constructor(message: string) {
    super("api_refused", message);
  }
}

export function refuse(message: string): never {
  throw new ApiRefusal(message);
}

/** The shared validators (phone, tz, email, dates) throw InvalidInputError; on the wire that is a refusal too. */
export function refusalMessage(e: unknown): string | null {
  if (e instanceof ApiRefusal) return e.message;
  if (e instanceof InvalidInputError) return e.message;
  return null;
}
