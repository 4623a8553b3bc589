import { describe, expect, it } from "vitest";
import {
  addressTag,
  overSocketCap,
  PUBLIC_MESSAGES,
  PUBLIC_RESYNC_EVERY_MS,
  SOCKETS_PER_ADDRESS,
  SOCKETS_PER_TICKET,
  SocketAllowance,
  TokenBucket,
} from "./live-limits.ts";

describe("a token bucket", () => {
  it("lets a burst through, then one message per interval, and never saves up more than its burst", () => {
    const b = new TokenBucket({ burst: 3, everyMs: 1_000 }, 0);
    expect([b.take(0), b.take(0), b.take(0), b.take(0)]).toEqual([true, true, true, false]);
    expect(b.take(999)).toBe(false);
    expect(b.take(1_000)).toBe(true);
    expect(b.take(1_000)).toBe(false);
    // An hour of silence refills the bucket to its burst, no further.
    expect([b.take(3_600_000), b.take(3_600_000), b.take(3_600_000), b.take(3_600_000)]).toEqual([true, true, true, false]);
  });

  it("does not refill when the clock goes back", () => {
    const b = new TokenBucket({ burst: 1, everyMs: 1_000 }, 5_000);
    expect(b.take(5_000)).toBe(true);
    expect(b.take(0)).toBe(false);
    expect(b.take(5_500)).toBe(false);
    expect(b.take(6_000)).toBe(true);
  });
});

describe("a public socket's allowance", () => {
  it("reads its burst, closes at the first frame over, and drops every later frame unread, even after a pause", () => {
    const a = new SocketAllowance(0);
    const verdicts = Array.from({ length: 2_000 }, () => a.admit(0));
    expect(verdicts.slice(0, PUBLIC_MESSAGES.burst).every((v) => v === "read")).toBe(true);
    expect(verdicts[PUBLIC_MESSAGES.burst]).toBe("close");
    expect(verdicts.slice(PUBLIC_MESSAGES.burst + 1).every((v) => v === "drop")).toBe(true);
    expect(a.admit(3_600_000)).toBe("drop");
  });

  it("keeps an e-ticket page that sends a message now and then", () => {
    const a = new SocketAllowance(0);
    for (let t = 0; t < 600_000; t += PUBLIC_MESSAGES.everyMs) expect(a.admit(t)).toBe("read");
  });

  it("answers a resync at most once per few seconds", () => {
    const a = new SocketAllowance(0);
    expect(a.resync(10_000)).toBe(true);
    expect(a.resync(10_001)).toBe(false);
    expect(a.resync(10_000 + PUBLIC_RESYNC_EVERY_MS - 1)).toBe(false);
    expect(a.resync(10_000 + PUBLIC_RESYNC_EVERY_MS)).toBe(true);
  });
});

describe("the socket caps", () => {
  it("refuse another socket once its ticket or its address has as many open as allowed", () => {
    expect(overSocketCap({ ticket: SOCKETS_PER_TICKET - 1, address: SOCKETS_PER_ADDRESS - 1 })).toBe(false);
    expect(overSocketCap({ ticket: SOCKETS_PER_TICKET, address: 0 })).toBe(true);
    expect(overSocketCap({ ticket: 0, address: SOCKETS_PER_ADDRESS })).toBe(true);
  });

  it("tag an address within the runtime's tag length, however long the header", () => {
    expect(addressTag("2001:db8::1")).toBe("from:2001:db8::1");
    expect(addressTag("x".repeat(1_000)).length).toBeLessThanOrEqual(256);
  });
});
