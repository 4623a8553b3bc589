import { describe, expect, it } from "vitest";
import { REFUSAL_KEPT_MS, replayOf } from "./idempotency.ts";

const idem = { key: "kiosk-1-000001", fingerprint: "f1" };
const answer = { fingerprint: "f1", response: JSON.stringify({ number: "A001" }), refused: null, createdAt: 0 };
const refusal = { fingerprint: "f1", response: JSON.stringify({ message: "no desk" }), refused: "MATTER_UNAVAILABLE", createdAt: 0 };

describe("replayOf", () => {
  it("runs a command whose key is new", () => {
    expect(replayOf(null, idem, 0)).toBeNull();
  });
  it("answers a retry with the first answer, days later too", () => {
    expect(replayOf(answer, idem, 2 * 86_400_000)).toEqual({ ok: true, value: { number: "A001" }, replayed: true });
  });
  it("answers a retry of a refused request with the same refusal while it is kept", () => {
    expect(replayOf(refusal, idem, REFUSAL_KEPT_MS - 1)).toEqual({ ok: false, code: "MATTER_UNAVAILABLE", message: "no desk" });
  });
  it("refuses another request under a refused key as reused", () => {
    expect(replayOf(refusal, { ...idem, fingerprint: "f2" }, 1000)).toMatchObject({ ok: false, code: "IDEMPOTENCY_KEY_REUSED" });
    expect(replayOf(answer, { ...idem, fingerprint: "f2" }, 1000)).toMatchObject({ ok: false, code: "IDEMPOTENCY_KEY_REUSED" });
  });
  it("lets the key run again once its refusal has lapsed", () => {
    expect(replayOf(refusal, idem, REFUSAL_KEPT_MS)).toBeNull();
    expect(replayOf(refusal, { ...idem, fingerprint: "f2" }, REFUSAL_KEPT_MS)).toBeNull();
  });
});
