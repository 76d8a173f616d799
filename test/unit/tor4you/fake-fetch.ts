import { DateTime } from "luxon";
import { createTor4YouClient, type Tor4YouClientOptions } from "../../../src/tor4you/client.ts";

/** One request as the server would see it. */
export interface SeenRequest {
  url: URL;
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  /** Query on GET, form body on POST. */
  params: URLSearchParams;
  contentType: string | undefined;
}

type Reply = Response | Error | "hang";
export type Responder = (req: SeenRequest, index: number) => Reply | Promise<Reply>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** A fetch that records every request and answers from `responder`; "hang" waits for the abort. */
export function recordingFetch(responder: Responder) {
  const requests: SeenRequest[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === "string" ? init.body : "";
    const req: SeenRequest = {
      url,
      endpoint: url.pathname.split("/").pop() ?? "",
      method: init.method ?? "GET",
      headers,
      params: init.method === "POST" ? new URLSearchParams(body) : url.searchParams,
      contentType: headers["content-type"],
    };
    requests.push(req);
    const reply = await responder(req, requests.length - 1);
    if (reply === "hang") {
      return new Promise((_, reject) => {
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    }
    if (reply instanceof Error) throw reply;
    return reply;
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** 2020-12-31 10:34 in Israel: the reference's signing example. */
export const FIXED_NOW = DateTime.fromISO("2020-12-31T10:34:00", { zone: "Asia/Jerusalem" });

export function testClient(responder: Responder, options: Partial<Tor4YouClientOptions> = {}) {
  const rec = recordingFetch(responder);
  const sleeps: number[] = [];
  const client = createTor4YouClient({
    baseUrl: "https://t4y.test/api",
    site: "test-site",
    auth: { kind: "torkey", torkey: "123456-secrettoken" },
    fetch: rec.fetch,
    now: () => FIXED_NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  return { client, requests: rec.requests, sleeps };
}

export const ok = (extra: Record<string, unknown> = {}) => json({ status: 1, ...extra });
