// What a Worker keeps of an object's answers (an organisation's revoked accounts): when a request uses it,
// when it is refreshed behind the request, and when the request waits for a fresh one.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { KeptValues, keptUse } from "./kept.ts";

const AGES = { freshMs: 10_000, maxMs: 30_000 };

/** An answer the test hands out when it likes. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("keptUse", () => {
  it("uses a young value, refreshes an older one behind the request, and waits once it is too old", () => {
    expect(keptUse(null, null, AGES)).toBe("wait");
    expect(keptUse(9_999, null, AGES)).toBe("use");
    expect(keptUse(10_000, null, AGES)).toBe("use-and-refresh");
    expect(keptUse(29_999, 2_000, AGES)).toBe("use");
    // A refresh that never ended is given up and another started.
    expect(keptUse(29_999, 10_000, AGES)).toBe("use-and-refresh");
    expect(keptUse(30_000, null, AGES)).toBe("wait");
  });
});

describe("KeptValues", () => {
  let now = 1_000_000;
  vi.spyOn(Date, "now").mockImplementation(() => now);
  afterEach(() => {
    now = 1_000_000;
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  /** "v1" kept since `agedMs` ago, and a request's waitUntil (`behind`) that collects what runs behind it. */
  async function keptAged(agedMs: number) {
    const kept = new KeptValues<string, string>(AGES, 10);
    await kept.get("org", async () => "v1");
    now += agedMs;
    const later: Promise<unknown>[] = [];
    return { kept, later, behind: (p: Promise<unknown>) => void later.push(p) };
  }

  it("asks once while young; older, answers with the old value while one refresh runs, then with the new", async () => {
    const kept = new KeptValues<string, string>(AGES, 10);
    const ask = vi.fn(async () => "v1");
    expect(await kept.get("org", ask)).toBe("v1");
    now += 9_000;
    expect(await kept.get("org", ask)).toBe("v1");
    expect(ask).toHaveBeenCalledTimes(1);

    now += 6_000;
    const fresh = deferred<string>();
    const later: Promise<unknown>[] = [];
    const refresh = vi.fn(() => fresh.promise);
    expect(await kept.get("org", refresh, (p) => later.push(p))).toBe("v1");
    // A second request meanwhile does not start another.
    expect(await kept.get("org", refresh, (p) => later.push(p))).toBe("v1");
    expect(refresh).toHaveBeenCalledTimes(1);
    fresh.resolve("v2");
    await Promise.all(later);
    expect(await kept.get("org", refresh)).toBe("v2");
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("never uses a value once it is too old, nor an old one where nothing keeps a refresh alive", async () => {
    const kept = new KeptValues<string, string>(AGES, 10);
    await kept.get("org", async () => "v1");
    now += 15_000;
    expect(await kept.get("org", async () => "v2")).toBe("v2");
    now += 30_000;
    expect(
      await kept.get(
        "org",
        async () => "v3",
        () => {},
      ),
    ).toBe("v3");
  });

  it("does not keep a refreshed answer asked for before the value was forgotten", async () => {
    const { kept, later, behind } = await keptAged(15_000);
    const fresh = deferred<string>();
    expect(await kept.get("org", () => fresh.promise, behind)).toBe("v1");
    // This Worker changed an account: what it asks now is newer than the refresh under way.
    kept.forget("org");
    expect(await kept.get("org", async () => "newest")).toBe("newest");
    fresh.resolve("older than newest");
    await Promise.all(later);
    expect(await kept.get("org", async () => "asked again")).toBe("newest");
  });

  it("gives up a refresh that never ends after 10 s, and keeps the newer answer whichever ends first", async () => {
    const { kept, later, behind } = await keptAged(10_000);
    const lost = deferred<string>();
    expect(await kept.get("org", () => lost.promise, behind)).toBe("v1");
    now += 9_999;
    const unused = vi.fn(async () => "not asked");
    expect(await kept.get("org", unused, behind)).toBe("v1");
    expect(unused).not.toHaveBeenCalled();
    // The first refresh is taken for lost: the next request starts another, whose answer is kept.
    now += 1;
    expect(await kept.get("org", async () => "v3", behind)).toBe("v1");
    await later[1];
    expect(await kept.get("org", async () => "not asked")).toBe("v3");
    // The lost one ends at last: its older answer is not kept.
    lost.resolve("v2");
    await Promise.all(later);
    expect(await kept.get("org", async () => "not asked")).toBe("v3");
  });

  it("keeps the old value when the ask throws at once", async () => {
    const { kept, later, behind } = await keptAged(15_000);
    const throws = () => {
      throw new Error("no directory");
    };
    expect(await kept.get("org", throws, behind)).toBe("v1");
    await Promise.all(later);
    expect(await kept.get("org", async () => "v2", behind)).toBe("v1");
    await Promise.all(later);
    expect(await kept.get("org", async () => "not asked")).toBe("v2");
  });

  it("forgets a failed answer (the next request asks again), and keeps the old value when a refresh fails", async () => {
    const kept = new KeptValues<string, string>(AGES, 10);
    await expect(kept.get("org", () => Promise.reject(new Error("asleep")))).rejects.toThrow("asleep");
    expect(await kept.get("org", async () => "v1")).toBe("v1");
    now += 15_000;
    const later: Promise<unknown>[] = [];
    const behind = (p: Promise<unknown>) => void later.push(p);
    expect(await kept.get("org", () => Promise.reject(new Error("down")), behind)).toBe("v1");
    await Promise.all(later);
    // The failed refresh is over: the next request starts another.
    const again = vi.fn(async () => "v2");
    expect(await kept.get("org", again, behind)).toBe("v1");
    expect(again).toHaveBeenCalledTimes(1);
  });
});
