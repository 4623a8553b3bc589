// Helpers for tests that drive the real Worker: sign in, make a fresh site, open sockets.
import { SELF } from "cloudflare:test";
import type { SiteConfigInput } from "../../protocol/config.ts";
import type { ServerMessage } from "../../protocol/live.ts";

export const BASE = "http://numerek.test";

export async function api(path: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  }
  return SELF.fetch(`${BASE}${path}`, { ...init, headers, body: body ?? null });
}

export async function login(username: string, password: string): Promise<string> {
  const res = await api("/api/v1/auth/login", { method: "POST", json: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

let counter = 0;
/** A new site with a unique id (so every test has its own object), open around the clock. */
export async function freshSite(overrides: Partial<SiteConfigInput> = {}): Promise<{ siteId: string; admin: string }> {
  const siteId = `t-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  const admin = await login("admin", "admin");
  const allDay: [string, string][] = [["00:00", "24:00"]];
  const config: SiteConfigInput = {
    id: siteId, city: "Testowo", name: `Urząd testowy ${siteId}`, address: "ul. Próbna 1", voice: true,
    openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    departments: [
      { id: "wk", name: "Wydział Komunikacji", matters: [
        { id: "rej", name: "Rejestracja pojazdu", prefix: "R", serviceMinutes: 10 },
        { id: "pj", name: "Prawo jazdy", prefix: "P", serviceMinutes: 6 },
      ] },
    ],
    desks: [
      { id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["rej", "pj"] },
      { id: "d2", name: "Stanowisko 2", number: 2, matterIds: ["pj"] },
    ],
    devices: [{ id: "k1", name: "Biletomat", kind: "kiosk" }],
    booking: { horizonDays: 14, checkIn: "kiosk" },
    noShowRecallSeconds: 60,
    ...overrides,
  };
  const res = await api(`/api/v1/sites/${siteId}`, { method: "PUT", token: admin, json: config });
  if (res.status !== 200) throw new Error(`create site: ${res.status} ${await res.text()}`);
  return { siteId, admin };
}

export async function takeTicket(siteId: string, token: string, matterId: string, key?: string): Promise<Response> {
  return api(`/api/v1/sites/${siteId}/tickets`, {
    method: "POST", token, json: { matterId }, ...(key ? { headers: { "Idempotency-Key": key } } : {}),
  });
}

export async function desk(siteId: string, deskId: string, action: string, token: string, json?: unknown): Promise<Response> {
  return api(`/api/v1/sites/${siteId}/desks/${deskId}/${action}`, { method: "POST", token, ...(json ? { json } : {}) });
}

/** A WebSocket opened through the Worker, collecting every message it receives. */
export class LiveSocket {
  readonly messages: ServerMessage[] = [];
  private waiters: (() => void)[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.addEventListener("message", (e) => {
      this.messages.push(JSON.parse(e.data as string) as ServerMessage);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async open(path: string): Promise<LiveSocket> {
    const res = await SELF.fetch(`${BASE}${path}`, { headers: { Upgrade: "websocket" } });
    if (res.status !== 101 || !res.webSocket) throw new Error(`upgrade ${path}: ${res.status} ${await res.text()}`);
    res.webSocket.accept();
    return new LiveSocket(res.webSocket);
  }

  /** Waits until a message satisfies `pred` (checking those already received first). */
  async waitFor(pred: (m: ServerMessage) => boolean, timeoutMs = 5000): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(pred);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message; got ${JSON.stringify(this.messages.slice(-3))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  last(): ServerMessage | undefined {
    return this.messages[this.messages.length - 1];
  }

  close(): void {
    this.ws.close(1000, "done");
  }
}
