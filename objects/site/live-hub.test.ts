// When the hall's frames go: a change the screens must see (a call, a desk) at once; changes that only add to
// the counts (plain walk-ins) at most every HALL_COUNTS_MS, several in one frame, none lost, while the agent
// gets them (its print jobs) at once and a call's phones never wait behind them.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RoleView } from "../../protocol/live.ts";
import { HALL_COUNTS_MS, type LiveAttachment, LiveHub } from "./live-hub.ts";

/** A socket of one role: the frames it was sent, each with when (fake time) and what it showed. */
class Socket {
  readonly frames: { at: number; seq: number; shows: number }[] = [];
  constructor(readonly attachment: LiveAttachment) {}
  serializeAttachment(): void {}
  deserializeAttachment(): LiveAttachment {
    return this.attachment;
  }
  send(frame: string): void {
    const m = JSON.parse(frame) as { seq: number; view: { shows: number } };
    this.frames.push({ at: Date.now(), seq: m.seq, shows: m.view.shows });
  }
}

/** A hub over a hall screen, the print agent and one phone: the screen and agent show the waiting count, the phone the calls. */
function hall() {
  const state = { seq: 0, waiting: 0, calls: 0 };
  const screen = new Socket({ role: "display" });
  const agent = new Socket({ role: "agent" });
  const phone = new Socket({ role: "eticket", ticketId: "t1" });
  const sockets = [screen, agent, phone];
  const ctx = {
    getWebSockets: (tag?: string) => sockets.filter((s) => s.attachment.role === tag),
    acceptWebSocket: () => {},
  } as unknown as DurableObjectState;
  const hub = new LiveHub(
    ctx,
    () => state.seq,
    () => (a) => ({ role: a.role, view: { shows: a.role === "eticket" ? state.calls : state.waiting } }) as unknown as RoleView,
  );
  for (const s of sockets) hub.accept(s as unknown as WebSocket, s.attachment);
  const updates = (s: Socket) => s.frames.slice(1);
  return {
    screen: () => updates(screen),
    agent: () => updates(agent),
    phone: () => updates(phone),
    /** A walk-in: only the counts move. */
    walkIn: () => {
      state.seq++;
      state.waiting++;
      hub.changed(false, true);
    },
    /** A call: seen at once, phones too. */
    call: () => {
      state.seq++;
      state.waiting--;
      state.calls++;
      hub.changed(true, false);
    },
  };
}

describe("the hall's frames", () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it("a walk-in after a quiet spell goes at once", async () => {
    const h = hall();
    h.walkIn();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.screen()).toEqual([{ at: 1_000_000, seq: 1, shows: 1 }]);
  });

  it(`walk-ins one after the other reach the screen at most every ${HALL_COUNTS_MS} ms, each frame with all of them so far`, async () => {
    const h = hall();
    // 50 walk-ins, one every 10 ms: half a second.
    for (let i = 0; i < 50; i++) {
      h.walkIn();
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(HALL_COUNTS_MS);
    const seen = h.screen();
    expect(seen.length).toBeLessThanOrEqual(1 + (50 * 10) / HALL_COUNTS_MS);
    expect(seen.at(-1)).toMatchObject({ seq: 50, shows: 50 });
    expect(seen.map((f) => f.shows)).toEqual([...seen.map((f) => f.shows)].sort((a, b) => a - b));
  });

  it("the agent gets every walk-in at once (its print jobs), while the screen's frame is held back", async () => {
    const h = hall();
    h.walkIn();
    await vi.advanceTimersByTimeAsync(0);
    h.walkIn();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.agent().map((f) => f.shows)).toEqual([1, 2]);
    expect(h.screen().map((f) => f.shows)).toEqual([1]);
  });

  it("a call goes at once, taking the walk-ins held back with it", async () => {
    const h = hall();
    h.walkIn();
    await vi.advanceTimersByTimeAsync(0);
    h.walkIn();
    h.walkIn();
    await vi.advanceTimersByTimeAsync(5);
    expect(h.screen()).toHaveLength(1);
    h.call();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.screen().map((f) => [f.seq, f.shows])).toEqual([
      [1, 1],
      [4, 2],
    ]);
    // Nothing is left to send when the held-back flush would have come.
    await vi.advanceTimersByTimeAsync(HALL_COUNTS_MS);
    expect(h.screen()).toHaveLength(2);
  });

  it("a call's phones do not wait behind a frame held back for walk-ins that came after it", async () => {
    const h = hall();
    h.call();
    await vi.advanceTimersToNextTimerAsync(); // the hall's flush of the call
    h.walkIn(); // before the phones' turn
    await vi.advanceTimersByTimeAsync(5);
    expect(h.phone().map((f) => f.shows)).toEqual([1]);
    // The screen has the call, and the walk-in is still held back for it.
    expect(h.screen().map((f) => f.shows)).toEqual([-1]);
  });
});
