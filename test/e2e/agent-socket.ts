// The print agent's side of the site socket, as the test's own hands: opens role=agent with a token
// (Node's global WebSocket), waits for the snapshot, and reports printer states like the agent does.
import type { PrinterState } from "../../protocol/live.ts";
import { base } from "./helpers.ts";

export interface AgentSocket {
  printer(kioskId: string, state: PrinterState): void;
  close(): void;
}

export async function openAgent(siteId: string, accessToken: string, timeout = 10_000): Promise<AgentSocket> {
  const q = new URLSearchParams({ role: "agent", access_token: accessToken });
  const ws = new WebSocket(`${base().replace(/^http/, "ws")}/api/v1/sites/${siteId}/live?${q.toString()}`);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no agent snapshot within ${timeout} ms`)), timeout);
    ws.addEventListener("message", (ev) => {
      if (typeof ev.data === "string" && ev.data.startsWith("{") && (JSON.parse(ev.data) as { type: string }).type === "snapshot") {
        clearTimeout(timer);
        resolve();
      }
    });
    ws.addEventListener("close", (ev) => {
      clearTimeout(timer);
      reject(new Error(`agent socket closed: ${ev.code} ${ev.reason}`));
    });
  });
  return {
    printer(kioskId, state) {
      ws.send(JSON.stringify({ type: "printer-state", kioskId, state }));
    },
    close() {
      ws.close(1000, "done");
    },
  };
}
