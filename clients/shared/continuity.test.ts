// A hall device's choice between the cloud and the office's print agent: it turns to the agent only when
// the cloud has been gone for a few seconds (or a command could not reach it) and the agent of its own
// site holds a copy of the queue; it comes back when the cloud answers and the agent has handed
// everything on, or the agent itself is gone. Never to an agent whose token has run out.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LocalHealth } from "../../protocol/continuity.ts";
import {
  Continuity,
  type ContinuityDeps,
  cloudHolds,
  cloudLost,
  HOLD_MS,
  type KeptInfo,
  type Link,
  localTarget,
  MOST_PROBES_TO_GO_BACK,
  PROBE_EVERY_MS,
  probesToGoBack,
  REFRESH_EVERY_MS,
  refreshDue,
  returnsNotHeldAfterLoss,
  SWITCH_AFTER_MS,
  shouldGoBack,
  shouldGoLocal,
} from "./continuity.ts";

const T0 = Date.parse("2026-11-30T09:00:00Z");
const INFO: KeptInfo = {
  localUrl: "http://10.0.0.5:8790/",
  token: "local.token",
  expiresAt: new Date(T0 + 36 * 3_600_000).toISOString(),
  fetchedAt: T0,
};
const health = (h: Partial<LocalHealth> = {}): LocalHealth => ({ siteId: "demo", cloud: "cut-off", pending: 0, ready: true, ...h });

describe("the decisions", () => {
  it("goes to the agent's origin with the local token, never with an expired one or without an agent", () => {
    expect(localTarget(INFO, T0)).toEqual({ origin: "http://10.0.0.5:8790", token: "local.token" });
    expect(localTarget({ ...INFO, localUrl: null }, T0)).toBeNull();
    expect(localTarget(INFO, T0 + 36 * 3_600_000)).toBeNull();
    expect(localTarget(null, T0)).toBeNull();
  });

  it("fetches the address again after 30 minutes, or when the token nears its end", () => {
    expect(refreshDue(null, T0)).toBe(true);
    expect(refreshDue(INFO, T0 + REFRESH_EVERY_MS - 1)).toBe(false);
    expect(refreshDue(INFO, T0 + REFRESH_EVERY_MS)).toBe(true);
    expect(refreshDue({ ...INFO, expiresAt: new Date(T0 + 60_000).toISOString() }, T0)).toBe(true);
  });

  it("counts the cloud lost after 5 s of a dead socket, or at once when a command did not reach it", () => {
    expect(cloudLost(null, false, T0)).toBe(false);
    expect(cloudLost(T0, false, T0 + SWITCH_AFTER_MS - 1)).toBe(false);
    expect(cloudLost(T0, false, T0 + SWITCH_AFTER_MS)).toBe(true);
    expect(cloudLost(null, true, T0)).toBe(true);
  });

  it("turns to the agent only when it is this site's and ready", () => {
    expect(shouldGoLocal("demo", true, health())).toBe(true);
    expect(shouldGoLocal("demo", false, health())).toBe(false);
    expect(shouldGoLocal("demo", true, health({ ready: false }))).toBe(false);
    expect(shouldGoLocal("demo", true, health({ siteId: "torun-wsa" }))).toBe(false);
    expect(shouldGoLocal("demo", true, null)).toBe(false);
  });

  it("comes back when the cloud answers and the agent has handed everything on, or is gone", () => {
    expect(shouldGoBack(true, health({ cloud: "connected", pending: 0 }))).toBe(true);
    expect(shouldGoBack(true, health({ cloud: "connected", pending: 3 }))).toBe(false);
    expect(shouldGoBack(true, health({ cloud: "cut-off", pending: 0 }))).toBe(false);
    expect(shouldGoBack(true, null)).toBe(true);
    expect(shouldGoBack(false, null)).toBe(false);
    expect(shouldGoBack(false, health({ cloud: "connected" }))).toBe(false);
  });

  it("asks a cloud whose returns did not hold to answer longer before going back: 1, 2, 4, 8 probes, then a minute's", () => {
    expect([0, 1, 2, 3, 4, 9].map(probesToGoBack)).toEqual([1, 2, 4, 8, MOST_PROBES_TO_GO_BACK, MOST_PROBES_TO_GO_BACK]);
    expect(MOST_PROBES_TO_GO_BACK * PROBE_EVERY_MS).toBe(60_000);
  });

  it("counts a probe towards going back when the cloud answers and the agent reaches it, whatever it still hands on", () => {
    expect(cloudHolds(true, health({ cloud: "connected", pending: 5 }))).toBe(true);
    expect(cloudHolds(true, null)).toBe(true);
    expect(cloudHolds(true, health({ cloud: "cut-off" }))).toBe(false);
    expect(cloudHolds(false, health({ cloud: "connected" }))).toBe(false);
  });

  it("counts a return as not held when the cloud is lost again within 2 minutes of it, and forgets once one holds", () => {
    expect(returnsNotHeldAfterLoss(0, null, T0)).toBe(0);
    expect(returnsNotHeldAfterLoss(0, T0, T0 + 10_000)).toBe(1);
    expect(returnsNotHeldAfterLoss(3, T0, T0 + HOLD_MS - 1)).toBe(4);
    expect(returnsNotHeldAfterLoss(3, T0, T0 + HOLD_MS)).toBe(0);
  });
});

describe("the controller", () => {
  let kept: KeptInfo | null;
  let agent: LocalHealth | null;
  let cloudUp: boolean;
  let fetched: number;
  let links: Link[];

  function controller(): Continuity {
    const deps: ContinuityDeps = {
      fetchInfo: async () => {
        fetched++;
        if (!cloudUp) throw new Error("offline");
        return {
          localUrl: "http://10.0.0.5:8790",
          token: `local-${fetched}`,
          expiresAt: new Date(Date.now() + 36 * 3_600_000).toISOString(),
        };
      },
      health: async () => agent,
      cloudAnswers: async () => cloudUp,
      load: () => kept,
      save: (info) => {
        kept = info;
      },
      now: () => Date.now(),
    };
    const c = new Continuity("demo", deps);
    c.subscribe((l) => links.push(l));
    c.start();
    return c;
  }

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    kept = null;
    agent = health();
    cloudUp = true;
    fetched = 0;
    links = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("keeps the agent's address and a local token fetched at the start", async () => {
    const c = controller();
    await vi.advanceTimersByTimeAsync(0);
    expect(kept).toMatchObject({ localUrl: "http://10.0.0.5:8790", token: "local-1", fetchedAt: T0 });
    c.stop();
  });

  it("switches to the agent 5 s after the cloud socket dropped, and back once the agent has replayed", async () => {
    const c = controller();
    await vi.advanceTimersByTimeAsync(0);
    cloudUp = false;
    c.cloudStatus("offline");
    await vi.advanceTimersByTimeAsync(SWITCH_AFTER_MS - 1);
    expect(c.current).toEqual({ mode: "cloud" });
    await vi.advanceTimersByTimeAsync(1);
    expect(c.current).toEqual({ mode: "local", origin: "http://10.0.0.5:8790", token: "local-1" });

    // The cloud answers, but the agent still has actions to hand on: stay.
    cloudUp = true;
    agent = health({ cloud: "connected", pending: 4 });
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS);
    expect(c.current.mode).toBe("local");
    agent = health({ cloud: "connected", pending: 0 });
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS);
    expect(c.current).toEqual({ mode: "cloud" });
    expect(links.map((l) => l.mode)).toEqual(["local", "cloud"]);
    // Back online, a fresh token is fetched at once.
    expect(kept?.token).toBe("local-2");
    c.stop();
  });

  it("does not switch when the socket comes back within 5 s", async () => {
    const c = controller();
    await vi.advanceTimersByTimeAsync(0);
    c.cloudStatus("offline");
    await vi.advanceTimersByTimeAsync(3_000);
    c.cloudStatus("connecting");
    c.cloudStatus("online");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(links).toEqual([]);
    c.stop();
  });

  it("turns to the agent at once when a command could not reach the cloud", async () => {
    const c = controller();
    await vi.advanceTimersByTimeAsync(0);
    c.commandFailed();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.current.mode).toBe("local");
    c.stop();
  });

  it("stays with the cloud when a command's answer was lost while the agent still reaches the cloud (the retry goes where the command may have landed)", async () => {
    const c = controller();
    await vi.advanceTimersByTimeAsync(0);
    agent = health({ cloud: "connected" });
    c.commandFailed();
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS * 3);
    expect(links).toEqual([]);
    // The cloud's socket is gone as well: the office is cut off, whatever the agent has not noticed yet.
    c.cloudStatus("offline");
    await vi.advanceTimersByTimeAsync(SWITCH_AFTER_MS);
    expect(c.current.mode).toBe("local");
    c.stop();
  });

  it("waits while the agent has no copy of the queue, and turns to it once it has", async () => {
    const c = controller();
    await vi.advanceTimersByTimeAsync(0);
    agent = health({ ready: false });
    c.cloudStatus("offline");
    await vi.advanceTimersByTimeAsync(SWITCH_AFTER_MS + PROBE_EVERY_MS);
    expect(c.current.mode).toBe("cloud");
    agent = health();
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS);
    expect(c.current.mode).toBe("local");
    c.stop();
  });

  it("goes back to the cloud when the agent itself is gone and the cloud answers", async () => {
    const c = controller();
    await vi.advanceTimersByTimeAsync(0);
    c.commandFailed();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.current.mode).toBe("local");
    agent = null;
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS);
    expect(c.current.mode).toBe("cloud");
    c.stop();
  });

  it("does not move the hall to and fro with a cloud that answers its probe but drops the device again at once", async () => {
    const c = controller();
    await vi.advanceTimersByTimeAsync(0);
    // Half up: the cloud answers every probe (the agent reaches it too, with nothing to hand on), but each
    // time the device is back its socket drops a second later.
    agent = health({ cloud: "connected" });
    let halfUp = true;
    const moves: { mode: Link["mode"]; at: number }[] = [];
    c.subscribe((l) => {
      moves.push({ mode: l.mode, at: Date.now() });
      if (l.mode === "cloud" && halfUp) setTimeout(() => c.cloudStatus("offline"), 1_000);
    });
    c.cloudStatus("offline");
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    // Each stay with the agent is twice the one before, up to a minute of probes.
    const stays = moves.flatMap((m, i) => (m.mode === "cloud" && i > 0 ? [m.at - (moves[i - 1]?.at ?? 0)] : []));
    expect(stays.slice(0, 6)).toEqual([1, 2, 4, 8, 12, 12].map((n) => n * PROBE_EVERY_MS));
    // Going back at every probe it would be a move each way every 11 s, 54 in five minutes.
    expect(links.length).toBeLessThanOrEqual(14);

    // Now the cloud holds: the device goes back within a minute of probes and stays.
    halfUp = false;
    await vi.advanceTimersByTimeAsync(MOST_PROBES_TO_GO_BACK * PROBE_EVERY_MS + SWITCH_AFTER_MS);
    expect(c.current.mode).toBe("cloud");
    const settled = links.length;
    await vi.advanceTimersByTimeAsync(HOLD_MS);
    expect(links.length).toBe(settled);

    // A loss after the cloud held is a first one again: back after a single good probe.
    c.cloudStatus("offline");
    await vi.advanceTimersByTimeAsync(SWITCH_AFTER_MS);
    expect(c.current.mode).toBe("local");
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS);
    expect(c.current.mode).toBe("cloud");
    c.stop();
  });

  it("goes back at once when the agent itself is gone, however the cloud did before", async () => {
    const c = controller();
    await vi.advanceTimersByTimeAsync(0);
    // Three returns, each lost again within a minute.
    for (let i = 0; i < 3; i++) {
      agent = health();
      c.commandFailed();
      await vi.advanceTimersByTimeAsync(0);
      expect(c.current.mode).toBe("local");
      agent = health({ cloud: "connected" });
      await vi.advanceTimersByTimeAsync(MOST_PROBES_TO_GO_BACK * PROBE_EVERY_MS);
      expect(c.current.mode).toBe("cloud");
    }
    // The next return takes 8 good probes: one is not enough…
    agent = health();
    c.commandFailed();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.current.mode).toBe("local");
    agent = health({ cloud: "connected" });
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS);
    expect(c.current.mode).toBe("local");
    // …but with nobody local to talk to, the next probe goes back.
    agent = null;
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS);
    expect(c.current.mode).toBe("cloud");
    c.stop();
  });

  it("counts the probes of a busy hall, whose agent is still handing on, towards going back", async () => {
    const c = controller();
    await vi.advanceTimersByTimeAsync(0);
    c.commandFailed();
    await vi.advanceTimersByTimeAsync(0);
    agent = health({ cloud: "connected" });
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS);
    expect(c.current.mode).toBe("cloud");
    // Lost again at once: the next return takes two probes in a row.
    agent = health();
    c.commandFailed();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.current.mode).toBe("local");
    agent = health({ cloud: "connected", pending: 3 });
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS);
    expect(c.current.mode).toBe("local");
    agent = health({ cloud: "connected", pending: 0 });
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS);
    expect(c.current.mode).toBe("cloud");
    c.stop();
  });

  it("knows no agent when none was ever named: it stays with the cloud", async () => {
    cloudUp = false;
    const c = controller();
    await vi.advanceTimersByTimeAsync(0);
    c.cloudStatus("offline");
    await vi.advanceTimersByTimeAsync(SWITCH_AFTER_MS * 3);
    expect(links).toEqual([]);
    c.stop();
  });
});
