import { describe, expect, it } from "vitest";
import type { CallView } from "../../protocol/live.ts";
import { arrivals, callKey, historyOf } from "./call-turns.ts";

function call(n: number, at = `2026-11-30T10:00:0${n}+01:00`): CallView {
  return {
    ticketId: `t${n}`,
    number: `A00${n}`,
    deskId: `s${n}`,
    deskName: `Stanowisko ${n}`,
    deskNumber: n,
    at,
    attempt: 1,
    matterId: "rejestracja",
  };
}

describe("arrivals", () => {
  it("gives the calls not seen before, the earliest first", () => {
    const [c1, c2, c3, c4] = [call(1), call(2), call(3), call(4)];
    // A view lists the newest first: four desks called within a second, one frame.
    expect(arrivals([c4, c3, c2, c1], new Set()).map((c) => c.number)).toEqual(["A001", "A002", "A003", "A004"]);
    expect(arrivals([c4, c3, c2, c1], new Set([callKey(c1), callKey(c2)])).map((c) => c.number)).toEqual(["A003", "A004"]);
  });

  it("counts a recall of the same ticket as a call of its own", () => {
    const first = call(1);
    const again = { ...call(1, "2026-11-30T10:05:00+01:00"), attempt: 2 };
    expect(arrivals([again, first], new Set([callKey(first)]))).toEqual([again]);
  });
});

describe("historyOf", () => {
  it("leaves out the call shown large and the calls still waiting for their turn", () => {
    const [c1, c2, c3, c4] = [call(1), call(2), call(3), call(4)];
    expect(historyOf([c4, c3, c2, c1], c2, [c3, c4])).toEqual([c1]);
    expect(historyOf([c4, c3, c2, c1], c4, [])).toEqual([c3, c2, c1]);
    expect(historyOf([c1], null, [])).toEqual([c1]);
  });
});
