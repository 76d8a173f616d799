// The test server's route table, read when a TelegramServer is constructed.
import { routes } from "telegram-test-api/lib/routes/index.js";

type Route = (typeof routes)[number];
let taught = false;

/** The parts of a multipart/form-data body: name -> { filename, text }. */
function multipart(body: Buffer, contentType: string): Map<string, { filename?: string; text: string }> {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) throw new Error("multipart body without a boundary");
  const parts = new Map<string, { filename?: string; text: string }>();
  for (const chunk of body.toString("utf8").split(`--${boundary}`)) {
    const split = chunk.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const head = chunk.slice(0, split);
    const name = /[^e]name="([^"]+)"/.exec(head)?.[1];
    if (!name) continue;
    // grammY writes the file name unquoted.
    const filename = /filename="?([^";\r\n]*)"?/.exec(head)?.[1];
    parts.set(name, { filename, text: chunk.slice(split + 4).replace(/\r\n$/, "") });
  }
  return parts;
}

/**
 * telegram-test-api has no sendDocument. This adds it (before its catch-all "unknown method"
 * route) the way Telegram takes it: a multipart upload with chat_id, caption and the file. The
 * message it stores carries the caption as its text and the file as `document`, so tests read
 * the .ics the customer got.
 */
export function teachSendDocument(): void {
  if (taught) return;
  taught = true;
  const sendDocument: Route = (app, server) => {
    app.post(
      "/bot:token/sendDocument",
      (
        req: NodeJS.ReadableStream & { headers: Record<string, unknown>; params: Record<string, string> },
        res: { sendResult(r: unknown): void; sendError(e: Error): void },
      ) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          try {
            const form = multipart(Buffer.concat(chunks), String(req.headers["content-type"] ?? ""));
            // grammY names the upload in the field ("attach://<part>") and sends it as that part.
            const field = form.get("document");
            const attached = /^attach:\/\/(.+)$/.exec(field?.text ?? "")?.[1];
            const file = attached ? form.get(attached) : field;
            if (file?.filename === undefined) throw new Error("document is not a file upload");
            const result = server.addBotMessage(
              {
                chat_id: form.get("chat_id")?.text ?? "",
                text: form.get("caption")?.text ?? "",
                document: { file_name: file.filename, content: file.text },
              } as never,
              String(req.params.token),
            );
            res.sendResult({ ok: true, result } as never);
          } catch (e) {
            res.sendError(e as Error);
          }
        });
      },
    );
  };
  routes.splice(routes.length - 1, 0, sendDocument);
}
