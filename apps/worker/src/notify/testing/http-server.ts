// A local HTTP server for tests that stands in for an SMS provider: counts requests, can be told to answer the next
// ones with a canned failure (throttling, 5xx), and answers the rest with `handle`.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface Canned {
  status: number;
  body: unknown;
}

export interface FakeProvider<R> {
  url: string;
  /// Requests the server accepted as sent (a message went out), in order.
  sent: R[];
  /// Every request that reached the server.
  hits: number;
  /// The next `n` requests are answered with `answer` (after their signature was checked).
  failNext(n: number, answer: Canned): void;
  /// The next `n` requests that would go out are sent (counted in `sent`) but never answered: the caller times out.
  hangNext(n: number): void;
  close(): Promise<void>;
}

export async function fakeProviderServer<R>(
  handle: (req: IncomingMessage, body: string) => { answer: Canned; sent?: R },
): Promise<FakeProvider<R>> {
  const canned: Canned[] = [];
  let hang = 0;
  const fake: FakeProvider<R> = {
    url: "",
    sent: [],
    hits: 0,
    failNext(n, answer) {
      for (let i = 0; i < n; i++) canned.push(answer);
    },
    hangNext(n) {
      hang += n;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      fake.hits++;
      const out = handle(req, Buffer.concat(chunks).toString("utf8"));
      // A canned failure replaces only a request that would have gone out.
      const forced = out.sent !== undefined ? canned.shift() : undefined;
      if (out.sent !== undefined && !forced) fake.sent.push(out.sent);
      if (out.sent !== undefined && !forced && hang > 0) {
        hang--;
        return;
      }
      const a = forced ?? out.answer;
      res.writeHead(a.status, { "content-type": "application/json;charset=utf-8" });
      res.end(typeof a.body === "string" ? a.body : JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return fake;
}
