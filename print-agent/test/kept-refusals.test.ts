// Refusals kept under their Idempotency-Keys: answered again for ten minutes, and never more of them than the
// bound, so that a device on the office's network sending ever new keys cannot fill the agent's memory.
import { describe, expect, it } from "vitest";
import { KeptRefusals, REFUSAL_KEPT_MS, REFUSALS_KEPT } from "../continuity/kept-refusals.ts";

const refusal = (key: string) => ({ key, fingerprint: "f", status: 409, body: { error: { code: "QUEUE_EMPTY" } } });

describe("refusals kept under their keys", () => {
  it("a refusal is answered again under its key for ten minutes, then forgotten", () => {
    const kept = new KeptRefusals();
    kept.add(refusal("k1|a"), 0);
    expect(kept.get("k1|a", REFUSAL_KEPT_MS - 1)).toMatchObject({ status: 409 });
    expect(kept.get("k1|a", REFUSAL_KEPT_MS)).toBeUndefined();
    expect(kept.size).toBe(0);
  });

  it("ever new keys within ten minutes keep at most the bound, the oldest going first", () => {
    const kept = new KeptRefusals();
    for (let i = 0; i < REFUSALS_KEPT + 1000; i++) kept.add(refusal(`k1|${i}`), i);
    expect(kept.size).toBe(REFUSALS_KEPT);
    expect(kept.get("k1|0", REFUSALS_KEPT + 1000)).toBeUndefined();
    expect(kept.get(`k1|${REFUSALS_KEPT + 999}`, REFUSALS_KEPT + 1000)).toMatchObject({ status: 409 });
  });
});
