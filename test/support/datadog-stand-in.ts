import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** What the stand-in answers: a JSON body (or raw text), a status, headers. */
export interface Answer {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON, unless a string (sent as it is). */
  readonly body: unknown;
}

/** One request the stand-in received. */
export interface Received {
  readonly method: string;
  /** Path and query, such as `/api/v1/slo?limit=2&offset=0`. */
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  /** The request's body, as sent (empty for GET). */
  readonly body: string;
}

/** A local HTTP server standing in for the Datadog API on 127.0.0.1. */
export interface StandIn {
  readonly url: string;
  readonly received: readonly Received[];
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 (a free port) that answers each request with `answer(url)`, or 404
 * with Datadog's error body when it gives none; every request is recorded, with its body.
 */
export async function startStandIn(
  answer: (url: URL, received: readonly Received[]) => Answer | undefined,
): Promise<StandIn> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({
        method: request.method ?? "",
        url: `${url.pathname}${url.search}`,
        headers: request.headers,
        body,
      });
      const found = answer(url, received) ?? { status: 404, body: { errors: ["Not found"] } };
      const text = typeof found.body === "string" ? found.body : JSON.stringify(found.body);
      response.writeHead(found.status ?? 200, { "Content-Type": "application/json", ...found.headers });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The page of `items` a `limit`/`offset` (SLOs) or `page`/`page_size` (monitors) request asks for. */
export function pageOf<T>(items: readonly T[], url: URL): T[] {
  const params = url.searchParams;
  const size = Number(params.get("limit") ?? params.get("page_size") ?? items.length);
  const start = params.has("offset") ? Number(params.get("offset")) : Number(params.get("page") ?? 0) * size;
  return items.slice(start, start + size);
}
