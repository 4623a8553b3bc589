// The one reconnecting socket of the clients and the print agent, against fake sockets and fake
// timers: the version in every URL, the seq rule (stale frames ignored, a gap asks for "resync"),
// keep-alive pings and the drop of a silent socket, backoff that grows and starts over after a
// snapshot, close codes that end the stream for good, and the probe after repeated failures.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backoffDelay } from "./backoff.ts";
import { CLOSE, PING, PONG, PROTOCOL_VERSION } from "./live.ts";
import { endOfClose, type LiveEnd, type LiveFrame, LiveSocket, type LiveSocketOptions, type SocketLike } from "./live-socket.ts";

type Listener = (ev: never) => void;

class FakeSocket implements SocketLike {
  readyState = 0;
  readonly sent: string[] = [];
  closedWith: number | null = null;
  private readonly listeners = new Map<string, Listener[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(code = 1000): void {
    this.closedWith = code;
    this.readyState = 3;
  }
  private emit(type: string, ev: unknown): void {
    for (const l of this.listeners.get(type) ?? []) (l as (ev: unknown) => void)(ev);
  }
  // What the server does:
  accept(): void {
    this.readyState = 1;
    this.emit("open", {});
  }
  say(frame: unknown): void {
    this.emit("message", { data: typeof frame === "string" ? frame : JSON.stringify(frame) });
  }
  end(code: number, reason = ""): void {
    this.readyState = 3;
    this.emit("close", { code, reason });
  }
}

interface View {
  n: number;
}
const read = (text: string): LiveFrame<View> => JSON.parse(text) as LiveFrame<View>;

function setup(extra: Partial<LiveSocketOptions<View>> = {}) {
  const sockets: FakeSocket[] = [];
  const seen = { views: [] as [number, number, boolean][], ends: [] as LiveEnd[], delays: [] as number[], silent: 0 };
  const live = new LiveSocket<View>(
    {
      url: () => "ws://site/live?role=display",
      open: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      read,
      pingEveryMs: 1_000,
      answerWithinMs: 500,
      minDelayMs: 100,
      maxDelayMs: 1_000,
      endOf: endOfClose,
      random: () => 1,
      ...extra,
    },
    {
      view: (v, seq, snapshot) => seen.views.push([v.n, seq, snapshot]),
      ended: (why) => seen.ends.push(why),
      retrying: (ms) => seen.delays.push(ms),
      silent: () => seen.silent++,
    },
  );
  live.start();
  const current = (): FakeSocket => sockets[sockets.length - 1]!;
  return { live, sockets, seen, current };
}

/** Lets the socket's awaited URL resolve. */
const tick = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the live socket", () => {
  it("sends its protocol version in the URL, applies frames in seq order and asks for a snapshot after a gap", async () => {
    const { live, seen, current } = setup();
    await tick();
    const ws = current();
    expect(ws.url).toBe(`ws://site/live?role=display&protocol=${PROTOCOL_VERSION}`);
    ws.accept();
    ws.say({ type: "snapshot", seq: 5, view: { n: 1 } });
    ws.say({ type: "update", seq: 6, prev: 5, view: { n: 2 } });
    ws.say({ type: "update", seq: 6, prev: 5, view: { n: 2 } }); // stale: a repeat
    ws.say({ type: "update", seq: 9, prev: 8, view: { n: 3 } }); // gap: 7 and 8 were missed
    expect(seen.views).toEqual([
      [1, 5, true],
      [2, 6, false],
    ]);
    expect(ws.sent).toEqual([JSON.stringify({ type: "resync" })]);
    ws.say({ type: "snapshot", seq: 9, view: { n: 3 } });
    expect(seen.views.at(-1)).toEqual([3, 9, true]);
    expect(live.send({ type: "ack", jobId: "j1" })).toBe(true);
    live.stop();
    expect(ws.closedWith).toBe(1000);
  });

  it("pings while open, and drops and dials again a socket that does not answer", async () => {
    const { live, sockets, seen, current } = setup();
    await tick();
    current().accept();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(current().sent).toEqual([PING]);
    current().say(PONG);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sockets).toHaveLength(1);
    // The second ping goes unanswered: dropped after answerWithinMs, dialled again after the backoff.
    await vi.advanceTimersByTimeAsync(500);
    expect(seen.silent).toBe(1);
    expect(sockets[0]!.closedWith).toBe(1000);
    await vi.advanceTimersByTimeAsync(seen.delays[0]!);
    expect(sockets).toHaveLength(2);
    live.stop();
  });

  it("backs off more after every failed dial, and from the start again once a snapshot comes", async () => {
    const { live, seen, current } = setup();
    for (let i = 0; i < 5; i++) {
      await tick();
      current().end(1006);
      await vi.advanceTimersByTimeAsync(seen.delays.at(-1)!);
    }
    expect(seen.delays).toEqual([100, 200, 400, 800, 1_000]);
    await tick();
    current().accept();
    current().say({ type: "snapshot", seq: 1, view: { n: 1 } });
    current().end(1011);
    expect(seen.delays.at(-1)).toBe(100);
    live.stop();
  });

  it("closed for sending too many messages, dials again only after the longest delay, not at once", async () => {
    const { live, sockets, seen, current } = setup();
    await tick();
    current().accept();
    current().say({ type: "snapshot", seq: 1, view: { n: 1 } });
    current().end(CLOSE.TOO_MANY_MESSAGES);
    expect(seen.delays).toEqual([1_000]);
    expect(seen.ends).toEqual([]);
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);
    live.stop();
  });

  it("ends for good on the close codes its owner names (the browser's: gone, version), and retries the others", async () => {
    for (const [code, why] of [
      [CLOSE.TICKET_GONE, "gone"],
      [CLOSE.DESK_GONE, "gone"],
      [CLOSE.VERSION_UNSUPPORTED, "version"],
    ] as const) {
      const { sockets, seen, current } = setup();
      await tick();
      current().accept();
      current().end(code);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(seen.ends).toEqual([why]);
      expect(sockets).toHaveLength(1);
    }
    // The print agent ends for nothing: a refused version is dialled again, with backoff.
    const agent = setup({ endOf: () => null });
    await tick();
    agent.current().accept();
    agent.current().end(CLOSE.VERSION_UNSUPPORTED);
    await vi.advanceTimersByTimeAsync(agent.seen.delays[0]!);
    expect(agent.sockets).toHaveLength(2);
    expect(agent.seen.ends).toEqual([]);
    agent.live.stop();
  });

  it("after a few dials that never opened, asks the probe whether the stream is gone", async () => {
    const probe = vi.fn(async (): Promise<LiveEnd | null> => (probe.mock.calls.length >= 2 ? "gone" : null));
    const { sockets, seen, current } = setup({ probe, probeAfter: 3 });
    for (let i = 0; i < 5 && seen.ends.length === 0; i++) {
      await tick();
      current().end(1006);
      await vi.advanceTimersByTimeAsync(seen.delays.at(-1)!);
    }
    expect(probe).toHaveBeenCalledTimes(2);
    expect(seen.ends).toEqual(["gone"]);
    expect(sockets).toHaveLength(4);
  });

  it("a URL that cannot be had (the agent's sign-in failed) is a failed dial, retried with backoff", async () => {
    let fail = true;
    const failures: unknown[] = [];
    const sockets: FakeSocket[] = [];
    const live = new LiveSocket<View>(
      {
        url: async () => {
          if (fail) throw new Error("HTTP 401");
          return "ws://site/live";
        },
        open: (url) => {
          const s = new FakeSocket(url);
          sockets.push(s);
          return s;
        },
        read,
        pingEveryMs: 1_000,
        answerWithinMs: 500,
        minDelayMs: 100,
        maxDelayMs: 1_000,
        endOf: endOfClose,
      },
      { view: () => {}, dialFailed: (e) => failures.push(e) },
    );
    live.start();
    await tick();
    expect(failures).toHaveLength(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(100);
    expect(sockets.map((s) => s.url)).toEqual([`ws://site/live?protocol=${PROTOCOL_VERSION}`]);
    live.stop();
  });
});

describe("reconnection delays", () => {
  it("double from the minimum up to the maximum, each between half and all of its step", () => {
    const lows = [0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, 1000, 60_000, () => 0));
    const highs = [0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, 1000, 60_000, () => 1));
    expect(lows).toEqual([500, 1000, 2000, 4000, 8000, 30_000]);
    expect(highs).toEqual([1000, 2000, 4000, 8000, 16_000, 60_000]);
  });
});
