// How the agent proves who it is: a site's agent account (username and password in the configuration),
// or — with neither — pairing. A paired agent shows a pairing code in its log, waits until a manager of
// the site types it into the manager page ("Urządzenia"), and keeps the token it collects in a file
// beside its job store (mode 600), so a restart needs no new pairing. A token the server no longer takes
// (the device revoked) is forgotten and the agent shows a new code.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { PairingState, StartPairingResponse } from "../protocol/devices.ts";
import type { Logger } from "./log.ts";

export interface CredentialOptions {
  server: string;
  siteId: string;
  /** Both given: the agent signs in with its account. Neither: it pairs. */
  username?: string | undefined;
  password?: string | undefined;
  /** Where a paired agent keeps its token. */
  tokenFile: string;
  /** The agent's software, shown in the manager page's device list. */
  version: string;
  log: Logger;
}

interface Stored {
  token: string;
  expiresAt: string;
}

export class Credentials {
  private readonly o: CredentialOptions;

  constructor(options: CredentialOptions) {
    this.o = options;
  }

  get paired(): boolean {
    return this.o.username === undefined;
  }

  /** A token to open the socket with: signed in, read from the file, or paired for (which may take minutes). */
  async token(): Promise<string> {
    if (!this.paired) return this.login();
    return this.stored() ?? this.pair();
  }

  /** The server no longer takes the token (revoked): forget it, pair again next time. */
  forget(): void {
    if (!this.paired) return;
    rmSync(this.o.tokenFile, { force: true });
    this.o.log.warn("this agent's pairing was revoked: it will show a new pairing code");
  }

  /** Whether the server takes `token` (an answer other than 401 counts as yes: a network failure proves nothing). */
  async refused(token: string): Promise<boolean> {
    const url = new URL(`/api/v1/sites/${encodeURIComponent(this.o.siteId)}/live`, this.o.server);
    url.searchParams.set("role", "agent");
    try {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
      await res.body?.cancel();
      return res.status === 401;
    } catch {
      return false;
    }
  }

  private stored(): string | null {
    try {
      const s = JSON.parse(readFileSync(this.o.tokenFile, "utf8")) as Partial<Stored>;
      if (typeof s.token === "string" && typeof s.expiresAt === "string" && Date.parse(s.expiresAt) > Date.now()) return s.token;
    } catch {
      /* none yet */
    }
    return null;
  }

  private async login(): Promise<string> {
    const res = await fetch(new URL("/api/v1/auth/login", this.o.server), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: this.o.username, password: this.o.password }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await res.json().catch(() => null)) as { token?: unknown; error?: { code?: string } } | null;
    if (!res.ok || typeof body?.token !== "string") throw new Error(`HTTP ${res.status} ${body?.error?.code ?? ""}`.trim());
    return body.token;
  }

  /** Shows codes until one is paired (a code lives 10 minutes); a failed request throws, and the caller retries with backoff. */
  private async pair(): Promise<string> {
    for (;;) {
      const res = await fetch(new URL("/api/v1/pairings", this.o.server), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ kind: "agent", siteId: this.o.siteId, version: this.o.version }),
        signal: AbortSignal.timeout(15_000),
      });
      const started = StartPairingResponse.safeParse(await res.json().catch(() => null));
      if (!res.ok || !started.success) throw new Error(`pairing: HTTP ${res.status}`);
      const { code, secret, expiresAt, pollAfterS } = started.data;
      this.o.log.info(
        `PAIRING CODE ${code} — a manager of site ${this.o.siteId} types it into the manager page (Urządzenia / Devices) within 10 minutes`,
      );
      while (Date.parse(expiresAt) > Date.now()) {
        await new Promise((resolve) => setTimeout(resolve, pollAfterS * 1000));
        const polled = await fetch(new URL(`/api/v1/pairings/${secret}`, this.o.server), { signal: AbortSignal.timeout(15_000) }).catch(
          () => null,
        );
        if (!polled) continue;
        const state = PairingState.safeParse(await polled.json().catch(() => null));
        if (polled.status === 404) break;
        if (!state.success || state.data.state !== "paired") continue;
        const { token, expiresAt: until } = state.data.session;
        writeFileSync(this.o.tokenFile, JSON.stringify({ token, expiresAt: until } satisfies Stored), { mode: 0o600 });
        this.o.log.info(`paired as ${state.data.deviceId} of site ${this.o.siteId}`);
        return token;
      }
      this.o.log.info("the pairing code expired unused: showing a new one");
    }
  }
}
