// A loopback stand-in for Twilio's Messaging API, for a server of the test's own (startWrangler with
// twilioVars): it records each SMS and answers as Twilio does, refusing while `refuse` is set (400, code
// 21610: the recipient has opted out, not retryable) and accepting otherwise (201 with a message sid).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface TwilioStandIn {
  /** The form of every request, in order (To, Body, From…). */
  readonly sent: URLSearchParams[];
  refuse: boolean;
  /** The wrangler vars that send this server's SMS here. */
  vars(): Record<string, string>;
  close(): Promise<void>;
}

const SID = "AC0123456789abcdef0123456789abcdef";

export async function startTwilioStandIn(): Promise<TwilioStandIn> {
  const sent: URLSearchParams[] = [];
  const state = { refuse: true };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      sent.push(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
      const [status, body] = state.refuse
        ? [400, { code: 21610, message: "Attempt to send to unsubscribed recipient", status: 400 }]
        : [201, { sid: `SM${String(sent.length).padStart(32, "0")}`, status: "queued" }];
      res.writeHead(status, { "Content-Type": "application/json", Connection: "close" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    sent,
    get refuse() {
      return state.refuse;
    },
    set refuse(v: boolean) {
      state.refuse = v;
    },
    vars: () => ({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: "e2e-stand-in-token", TWILIO_FROM: "+48221234567", TWILIO_BASE_URL: url }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
