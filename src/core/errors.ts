/**
 * Base of every error this program raises on purpose. `code` is stable and machine-readable
 * (for logs, metrics labels and chat replies); `message` is for people and never holds PII.
 */
export class AppError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A value from a user, a config file or a caller failed validation; nothing was sent or changed. */
export class InvalidInputError extends AppError {
  readonly field: string;
  constructor(field: string, message: string) {
    super("invalid_input", `${field}: ${message}`);
    this.field = field;
  }
}
