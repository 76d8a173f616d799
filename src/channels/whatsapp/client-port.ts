/**
 * The part of whatsapp-web.js's Client this program uses. The real Client satisfies it; tests
 * inject a fake (an EventEmitter), so whatsapp-web.js and its browser never start in tests.
 */
export interface WaMessage {
  id: { _serialized: string };
  /** `9725XXXXXXXX@c.us` (a person), `…@lid` (a person without a visible number), `…@g.us` (a group), `status@broadcast`. */
  from: string;
  /** The chat a message we sent went to (for `fromMe` messages). */
  to?: string;
  body: string;
  fromMe: boolean;
  isStatus?: boolean;
  type: string;
  /** Contact cards in the message (type "vcard" / "multi_vcard"). */
  vCards?: string[];
}

/** A document to send (whatsapp-web.js MessageMedia sent as a document, with a caption). */
export interface WaFile {
  fileName: string;
  mime: string;
  base64: string;
  caption: string;
}

export interface WaClient {
  on(event: "qr", listener: (qr: string) => void): unknown;
  /** Pairing by phone number: the code to type on the phone. */
  on(event: "code", listener: (code: string) => void): unknown;
  on(event: "ready" | "authenticated", listener: () => void): unknown;
  on(event: "auth_failure", listener: (message: string) => void): unknown;
  on(event: "disconnected", listener: (reason: string) => void): unknown;
  on(event: "message", listener: (message: WaMessage) => void): unknown;
  /** Every message created in the account, ours included: how a message typed on the business's phone is seen. */
  on(event: "message_create", listener: (message: WaMessage) => void): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string): Promise<unknown>;
  sendFile(chatId: string, file: WaFile): Promise<unknown>;
  getContactLidAndPhone(userIds: string[]): Promise<Array<{ lid: string; pn: string }>>;
}

export type WaClientFactory = (session: string) => WaClient | Promise<WaClient>;
