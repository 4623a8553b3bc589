// Local continuity on a hall device or a clerk's console: where its calls and live socket go. Online, to
// the cloud (the page's own origin) with the session's token. When the cloud has been unreachable for a
// few seconds and the site's print agent says it can take over, to the agent's address on the office's
// network with a local token (both fetched from GET …/continuity while online, kept in localStorage so a
// device that lost the cloud still knows where to go). While local it asks the cloud every few seconds,
// and goes back once the cloud answers and the agent has handed on everything done meanwhile (or is gone);
// after a return that did not hold, the cloud must answer for longer first, so a half-up cloud does not
// move the hall to and fro at every probe.
// The decisions are pure functions; the controller only runs them on timers and answers.
import type { ContinuityInfo, LocalHealth } from "../../protocol/continuity.ts";
import { call } from "./api.ts";
import type { LiveStatus } from "./live.ts";

/** How long the cloud's socket stays down before the device turns to the agent. */
export const SWITCH_AFTER_MS = 5_000;
/** How often a device working locally asks whether the cloud is back. */
export const PROBE_EVERY_MS = 5_000;
/** How often the agent's address and a fresh local token are fetched while online. */
export const REFRESH_EVERY_MS = 30 * 60_000;
/** How long a probe of the cloud or the agent may take. */
const PROBE_TIMEOUT_MS = 3_000;
/** A cloud lost again within this time of the device's return to it did not hold: it is half up. */
export const HOLD_MS = 2 * 60_000;
/** The most probes in a row (a minute) a device wants from a cloud that keeps failing it before it goes back. */
export const MOST_PROBES_TO_GO_BACK = 12;

/** ContinuityInfo as kept on the device, with when it was fetched. */
export interface KeptInfo extends ContinuityInfo {
  fetchedAt: number;
}

/** Where calls go: the cloud with the session's token, or the agent with the local one. */
export type Link = { mode: "cloud" } | { mode: "local"; origin: string; token: string };

// ---- the decisions ---------------------------------------------------------------------------------

/** Pure: the agent's origin and token, if the kept info names an agent and its token still holds. */
export function localTarget(info: KeptInfo | null, now: number): { origin: string; token: string } | null {
  if (!info?.localUrl || Date.parse(info.expiresAt) <= now) return null;
  try {
    return { origin: new URL(info.localUrl).origin, token: info.token };
  } catch {
    return null;
  }
}

/** Pure: whether the kept info should be fetched again (none yet, old, or its token near its end). */
export function refreshDue(info: KeptInfo | null, now: number): boolean {
  if (!info) return true;
  return now - info.fetchedAt >= REFRESH_EVERY_MS || Date.parse(info.expiresAt) - now < REFRESH_EVERY_MS;
}

/** Pure: the cloud counts as lost when its socket has been down long enough, or a command could not reach it. */
export function cloudLost(downSince: number | null, commandFailed: boolean, now: number): boolean {
  return commandFailed || (downSince !== null && now - downSince >= SWITCH_AFTER_MS);
}

/** Pure: turn to the agent when the cloud is lost and the agent of this site holds a copy to work from. */
export function shouldGoLocal(siteId: string, cloudIsLost: boolean, health: LocalHealth | null): boolean {
  return cloudIsLost && health !== null && health.siteId === siteId && health.ready;
}

/**
 * Pure: a command that did not come back while the cloud's socket is up and the agent still reaches the cloud
 * was slow or lost its answer, not cut off: the cloud may have done it, so it is retried there under its key.
 * Sent to the agent it would be done twice (two tickets for one tap, one printed by each).
 */
export function mayHaveLanded(socketDown: boolean, health: LocalHealth | null): boolean {
  return !socketDown && health?.cloud === "connected";
}

/**
 * Pure: back to the cloud once it answers and the agent has handed everything on (connected, nothing
 * pending), or the agent is gone (null: it did not answer).
 */
export function shouldGoBack(cloudAnswers: boolean, health: LocalHealth | null): boolean {
  return cloudAnswers && (health === null || (health.cloud === "connected" && health.pending === 0));
}

/**
 * Pure: a probe that counts towards going back: the cloud answers and the agent reaches it too (or is gone),
 * whatever the agent still has to hand on; a busy hall keeps handing on, and that is no sign of a bad cloud.
 */
export function cloudHolds(cloudAnswers: boolean, health: LocalHealth | null): boolean {
  return cloudAnswers && (health === null || health.cloud === "connected");
}

/**
 * Pure: how many probes in a row must find the cloud holding (cloudHolds) before the device goes back to it,
 * on a probe that also finds the agent done handing on (shouldGoBack). One at first; twice as many after each return that did not hold, up to a minute's:
 * a cloud that answers its probe but drops the device again moves it to and fro at most about once a minute,
 * not at every probe.
 */
export function probesToGoBack(returnsNotHeld: number): number {
  return Math.min(MOST_PROBES_TO_GO_BACK, 2 ** returnsNotHeld);
}

/**
 * Pure: the returns that did not hold, counted when the device turns to the agent after losing the cloud at
 * `lostAt`: one more when that was less than HOLD_MS after it came back, none when the cloud held longer (or
 * the device never left it).
 */
export function returnsNotHeldAfterLoss(returnsNotHeld: number, backAt: number | null, lostAt: number): number {
  return backAt !== null && lostAt - backAt < HOLD_MS ? returnsNotHeld + 1 : 0;
}

// ---- what the controller asks of the world ----------------------------------------------------------

export interface ContinuityDeps {
  /** GET …/continuity with the session's token; throws when it cannot. */
  fetchInfo: () => Promise<ContinuityInfo>;
  /** The agent's health, or null when it does not answer. */
  health: (origin: string) => Promise<LocalHealth | null>;
  /** Whether the cloud answers now. */
  cloudAnswers: () => Promise<boolean>;
  load: () => KeptInfo | null;
  save: (info: KeptInfo) => void;
  now: () => number;
}

/**
 * The browser's world: the API on the page's origin, the agent's health, and the info kept under `key` in
 * localStorage (a device) or sessionStorage (a clerk's console, whose session lives there too).
 */
export function browserDeps(siteId: string, token: string, key: string, storage: "local" | "session" = "local"): ContinuityDeps {
  // The agent's health is no route of the cloud's API: asked as it is, without a token.
  const getJson = async (url: string): Promise<unknown> => {
    const res = await fetch(url, {
      headers: { Accept: "application/json" },
      cache: "no-store",
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return res.json();
  };
  const area = (): Storage | null => {
    try {
      return storage === "local" ? localStorage : sessionStorage;
    } catch {
      return null;
    }
  };
  return {
    fetchInfo: () => call("continuity", { params: { siteId }, token, timeoutMs: PROBE_TIMEOUT_MS }),
    health: async (origin) => {
      try {
        return (await getJson(`${origin}/continuity/v1/health`)) as LocalHealth;
      } catch {
        return null;
      }
    },
    cloudAnswers: async () => {
      try {
        await call("sites", { timeoutMs: PROBE_TIMEOUT_MS });
        return true;
      } catch {
        return false;
      }
    },
    load: () => {
      try {
        const info = JSON.parse(area()?.getItem(key) ?? "null") as KeptInfo | null;
        return info && typeof info.token === "string" && typeof info.fetchedAt === "number" ? info : null;
      } catch {
        return null;
      }
    },
    save: (info) => area()?.setItem(key, JSON.stringify(info)),
    now: () => Date.now(),
  };
}

/** Where a screen keeps its ContinuityInfo: per site and per holder (a device's kind, a clerk's console). */
export function keptInfoKey(siteId: string, holder: string): string {
  return `numerek.continuity.${siteId}.${holder}`;
}

// ---- the controller ------------------------------------------------------------------------------------

export class Continuity {
  private link: Link = { mode: "cloud" };
  private downSince: number | null = null;
  private running = false;
  private checking = false;
  /** When the device last came back to the cloud, the returns in a row that did not hold, and the good probes so far. */
  private backAt: number | null = null;
  private returnsNotHeld = 0;
  private goodProbes = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private readonly listeners = new Set<(link: Link) => void>();
  private readonly siteId: string;
  private readonly deps: ContinuityDeps;

  constructor(siteId: string, deps: ContinuityDeps) {
    this.siteId = siteId;
    this.deps = deps;
  }

  get current(): Link {
    return this.link;
  }

  subscribe(fn: (link: Link) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.refresh();
    this.refreshTimer = setInterval(() => void this.refresh(), REFRESH_EVERY_MS / 6);
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    clearInterval(this.refreshTimer);
  }

  /** The cloud's live socket changed state (told only while the link is the cloud). */
  cloudStatus(status: LiveStatus): void {
    if (this.link.mode !== "cloud") return;
    if (status === "online") {
      this.downSince = null;
      clearTimeout(this.timer);
      return;
    }
    if (status !== "offline" || this.downSince !== null) return;
    this.downSince = this.deps.now();
    this.later(SWITCH_AFTER_MS, () => this.check(false));
  }

  /** A command to the cloud failed on the network: try the agent at once. */
  commandFailed(): void {
    if (this.link.mode === "cloud") void this.check(true);
  }

  /** Fetches the agent's address and a fresh token while the cloud is the link, when due. */
  async refresh(force = false): Promise<void> {
    const now = this.deps.now();
    if (this.link.mode !== "cloud" || (!force && !refreshDue(this.deps.load(), now))) return;
    try {
      const info = await this.deps.fetchInfo();
      this.deps.save({ localUrl: info.localUrl, token: info.token, expiresAt: info.expiresAt, fetchedAt: this.deps.now() });
    } catch {
      // Offline, or no agent of this site: what was kept stays.
    }
  }

  /** While the cloud is the link: is it lost, and can the agent take over? Again after a while if not. */
  async check(commandFailed: boolean): Promise<void> {
    if (!this.running || this.link.mode !== "cloud" || this.checking) return;
    const now = this.deps.now();
    if (!cloudLost(this.downSince, commandFailed, now)) return;
    const target = localTarget(this.deps.load(), now);
    if (!target) return;
    this.checking = true;
    try {
      const health = await this.deps.health(target.origin);
      if (!this.running || this.link.mode !== "cloud") return;
      const socketDown = cloudLost(this.downSince, false, this.deps.now());
      if (shouldGoLocal(this.siteId, true, health) && !mayHaveLanded(socketDown, health)) {
        // Counted from when the cloud was lost (its socket down), not from this turn to the agent.
        this.returnsNotHeld = returnsNotHeldAfterLoss(this.returnsNotHeld, this.backAt, this.downSince ?? this.deps.now());
        this.goodProbes = 0;
        this.set({ mode: "local", ...target });
        this.later(PROBE_EVERY_MS, () => this.probe());
      } else if (this.downSince !== null) {
        this.later(PROBE_EVERY_MS, () => this.check(false));
      }
    } finally {
      this.checking = false;
    }
  }

  /**
   * While the agent is the link: back to the cloud when it answers and the agent has handed everything on,
   * in as many probes in a row as the cloud's recent record asks (probesToGoBack); at once when the agent is gone.
   */
  async probe(): Promise<void> {
    const link = this.link;
    if (!this.running || link.mode !== "local") return;
    const [cloud, health] = await Promise.all([this.deps.cloudAnswers(), this.deps.health(link.origin)]);
    if (!this.running || this.link !== link) return;
    this.goodProbes = cloudHolds(cloud, health) ? this.goodProbes + 1 : 0;
    const enough = health === null || this.goodProbes >= probesToGoBack(this.returnsNotHeld);
    if (enough && shouldGoBack(cloud, health)) {
      this.downSince = null;
      this.backAt = this.deps.now();
      this.goodProbes = 0;
      this.set({ mode: "cloud" });
      void this.refresh(true);
    } else {
      this.later(PROBE_EVERY_MS, () => this.probe());
    }
  }

  private later(ms: number, fn: () => Promise<void>): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void fn(), ms);
  }

  private set(link: Link): void {
    this.link = link;
    for (const fn of this.listeners) fn(link);
  }
}
