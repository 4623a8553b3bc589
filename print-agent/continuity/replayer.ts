// Sends the offline log to the site object, in order, in batches of at most REPLAY_BATCH, whenever the agent's
// socket is open: after the link returns, after a restart, and after every entry written while connected.
// The site applies each entry once (entries at or below its replayedThrough are skipped), so a batch sent
// again after a lost answer does no harm. One request at a time.
import { type OfflineEntry, REPLAY_BATCH, ReplayResponse, replayBatch } from "../../protocol/continuity.ts";
import type { Logger } from "../log.ts";
import { errorText } from "../log.ts";

export interface ReplayerOptions {
  server: string;
  siteId: string;
  /** The agent's bearer token (the one its socket opened with). */
  token: () => Promise<string>;
  /** Whether the agent's socket is open now. */
  connected: () => boolean;
  /** Entries above `seq`, oldest first, at most `limit`. */
  above: (seq: number, limit: number) => OfflineEntry[];
  /** The replica's replayedThrough (what the site said in its last frame). */
  siteThrough: () => number;
  /** The site has applied the log through `seq`. */
  applied: (seq: number) => void;
  log: Logger;
  retryMs?: number;
}

export class Replayer {
  private readonly o: ReplayerOptions;
  private running = false;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The highest seq the site said it applied (from its answers; its frames may lag behind). */
  private through = 0;
  private stopped = false;

  constructor(o: ReplayerOptions) {
    this.o = o;
  }

  /** The highest seq known applied by the site. */
  get replayedThrough(): number {
    return Math.max(this.through, this.o.siteThrough());
  }

  /** Sends what is pending, now (or right after the request in flight). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        while (this.o.connected() && !this.stopped) {
          const batch = replayBatch(this.o.above(this.replayedThrough, REPLAY_BATCH));
          if (!batch.length) break;
          if (!(await this.send(batch))) {
            this.retryLater();
            return;
          }
        }
      } while (this.again && !this.stopped);
    } finally {
      this.running = false;
    }
  }

  private retryLater(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, this.o.retryMs ?? 2000);
  }

  /** One request; false when it should be tried again later. */
  private async send(entries: OfflineEntry[]): Promise<boolean> {
    const { server, siteId, log } = this.o;
    const url = new URL(`/api/v1/sites/${encodeURIComponent(siteId)}/continuity/replay`, server);
    const first = entries[0]?.seq ?? 0;
    const last = entries.at(-1)?.seq ?? 0;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { Authorization: `Bearer ${await this.o.token()}`, "Content-Type": "application/json" },
        body: JSON.stringify({ entries }),
        signal: AbortSignal.timeout(30_000),
      });
      const json: unknown = await res.json().catch(() => null);
      if (res.ok) {
        const r = ReplayResponse.safeParse(json);
        if (!r.success) {
          log.warn(`replay ${first}-${last}: the site's answer is not understood`);
          return false;
        }
        this.through = Math.max(this.through, r.data.replayedThrough);
        for (const c of r.data.conflicts) log.info(`replay: entry ${c.seq} (ticket ${c.ticketId}) settled by the rule ${c.rule}`);
        log.info(
          `replayed offline entries ${first}-${last}: ${r.data.applied} applied, the site holds the log through ${r.data.replayedThrough}`,
        );
        this.o.applied(this.through);
        return true;
      }
      const code = errorCode(json);
      if (code === "REPLAY_OUT_OF_ORDER") {
        // The site holds less than we thought (it was restored, say): start again from what its frames say.
        this.through = 0;
        log.warn(`replay ${first}-${last}: the site has not applied the entries before ${first}; sending from ${this.o.siteThrough() + 1}`);
        return this.o.siteThrough() < first - 1;
      }
      log.warn(`replay ${first}-${last} refused: HTTP ${res.status}${code ? ` ${code}` : ""}`);
      return false;
    } catch (e) {
      log.warn(`replay ${first}-${last} failed: ${errorText(e)}`);
      return false;
    }
  }
}

function errorCode(json: unknown): string | null {
  if (typeof json !== "object" || json === null || !("error" in json)) return null;
  const e = json.error;
  return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : null;
}
