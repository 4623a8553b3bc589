// When the hall's frames go: a change the screens must see (a call, a desk) at once; changes that only add to
// the counts (plain walk-ins) at most every HALL_COUNTS_MS, several in one frame, none lost.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RoleView } from "../../protocol/live.ts";
import { HALL_COUNTS_MS, type LiveAttachment, LiveHub } from "./live-hub.ts";

/** A hall screen's socket: the frames it was sent. */
class Screen {
  readonly frames: { seq: number; waiting: number }[] = [];
  serializeAttachment(): void {}
  deserializeAttachment(): LiveAttachment {
    return { role: "display" };
  }
  send(frame: string): void {
    const m = JSON.parse(frame) as { seq: number; view: { waiting: number } };
    this.frames.push({ seq: m.seq, waiting: m.view.waiting });
  }
}

/** A hub over one screen; `state.waiting` is what the hall's view shows, `state.seq` its seq. */
function hall() {
  const screen = new Screen();
  const state = { seq: 0, waiting: 0 };
  const ctx = {
    getWebSockets: (tag?: string) => (tag === "display" ? [screen] : []),
    acceptWebSocket: () => {},
  } as unknown as DurableObjectState;
  const hub = new LiveHub(
    ctx,
    () => state.seq,
    () => () => ({ role: "display", view: { waiting: state.waiting } }) as unknown as RoleView,
  );
  hub.accept(screen as unknown as WebSocket, { role: "display" });
  /** A walk-in (only the counts move) or a call (seen at once). */
  const walkIn = () => {
    state.seq++;
    state.waiting++;
    hub.changed(false, true);
  };
  const call = () => {
    state.seq++;
    state.waiting--;
    hub.changed(true, false);
  };
  return { screen, walkIn, call, updates: () => screen.frames.slice(1) };
}

describe("the hall's frames", () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it("a walk-in after a quiet spell goes at once", async () => {
    const h = hall();
    h.walkIn();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.updates()).toEqual([{ seq: 1, waiting: 1 }]);
  });

  it(`walk-ins one after the other go at most every ${HALL_COUNTS_MS} ms, each frame with all of them so far`, async () => {
    const h = hall();
    // 50 walk-ins, one every 10 ms: half a second.
    for (let i = 0; i < 50; i++) {
      h.walkIn();
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(HALL_COUNTS_MS);
    const seen = h.updates();
    expect(seen.length).toBeLessThanOrEqual(1 + (50 * 10) / HALL_COUNTS_MS);
    expect(seen.at(-1)).toEqual({ seq: 50, waiting: 50 });
    expect(seen.map((f) => f.waiting)).toEqual([...seen.map((f) => f.waiting)].sort((a, b) => a - b));
  });

  it("a call goes at once, taking the walk-ins held back with it", async () => {
    const h = hall();
    h.walkIn();
    await vi.advanceTimersByTimeAsync(0);
    h.walkIn();
    h.walkIn();
    await vi.advanceTimersByTimeAsync(5);
    expect(h.updates()).toHaveLength(1);
    h.call();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.updates()).toEqual([
      { seq: 1, waiting: 1 },
      { seq: 4, waiting: 2 },
    ]);
    // Nothing is left to send when the held-back flush would have come.
    await vi.advanceTimersByTimeAsync(HALL_COUNTS_MS);
    expect(h.updates()).toHaveLength(2);
  });
});
