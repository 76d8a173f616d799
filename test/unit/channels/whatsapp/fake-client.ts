import { EventEmitter } from "node:events";
import type { WaClient, WaFile, WaMessage } from "../../../../src/channels/whatsapp/client-port.ts";

/** A whatsapp-web.js Client stand-in: what WhatsApp's servers would do is scripted by the test. */
export class FakeClient extends EventEmitter implements WaClient {
  sent: Array<{ chatId: string; text: string; file?: WaFile }> = [];
  destroyed = false;
  lids = new Map<string, string>();
  constructor(
    private readonly behaviour: "ready" | "hang" | "fail" | "qr" = "ready",
    /** Holds `initialize` until the test lets the connection come back. */
    private readonly gate: Promise<void> = Promise.resolve(),
  ) {
    super();
  }
  async initialize() {
    await this.gate;
    if (this.behaviour === "fail") throw new Error("net::ERR_INTERNET_DISCONNECTED");
    if (this.behaviour === "hang") return new Promise<void>(() => {});
    if (this.behaviour === "qr") {
      this.emit("qr", "2@fake-qr");
      return;
    }
    this.emit("authenticated");
    this.emit("ready");
  }
  async destroy() {
    this.destroyed = true;
  }
  /** Like WhatsApp: what the account sends also comes back as `message_create` (fromMe). */
  async sendMessage(chatId: string, text: string) {
    this.sent.push({ chatId, text });
    this.emit("message_create", this.own(chatId, text));
    return {};
  }
  /** A document: recorded with its caption as the text, and the file itself. */
  async sendFile(chatId: string, file: WaFile) {
    this.sent.push({ chatId, text: file.caption, file });
    this.emit("message_create", this.own(chatId, file.caption));
    return {};
  }
  /** A person at the business types in a chat on the phone: only `message_create`, fromMe. */
  businessTypes(to: string, body: string) {
    this.emit("message_create", this.own(to, body));
  }
  private own(to: string, body: string): WaMessage {
    return {
      id: { _serialized: `true_${to}_${Math.random()}` },
      from: "972500000000@c.us",
      to,
      body,
      fromMe: true,
      type: "chat",
    };
  }
  async getContactLidAndPhone(ids: string[]) {
    return ids.filter((id) => this.lids.has(id)).map((lid) => ({ lid, pn: this.lids.get(lid)! }));
  }
  incoming(from: string, body: string, extra: Partial<WaMessage> = {}) {
    const m: WaMessage = {
      id: { _serialized: `false_${from}_${Math.random()}` },
      from,
      body,
      fromMe: false,
      type: "chat",
      ...extra,
    };
    this.emit("message", m);
    return m;
  }
}
