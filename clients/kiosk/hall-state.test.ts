// What the kiosk reads from the display view: its own printer (ready, not ready, unknown) and the matters no open desk serves.
import { describe, expect, it } from "vitest";
import { closedMatters, printerOf } from "./hall-state.ts";

const at = "2026-11-23T10:15:00+01:00";
const view = {
  printers: [
    { kioskId: "kiosk-1", state: "paper-out" as const, at },
    { kioskId: "kiosk-2", state: "ready" as const, at },
  ],
};

describe("printerOf", () => {
  it("is down when this kiosk's printer is in any state but ready", () => {
    expect(printerOf(view, "kiosk-1")).toEqual({ state: "paper-out", down: true });
    for (const state of ["cover-open", "offline", "error"] as const) {
      expect(printerOf({ printers: [{ kioskId: "kiosk-1", state, at }] }, "kiosk-1").down).toBe(true);
    }
  });

  it("is not down when ready", () => {
    expect(printerOf(view, "kiosk-2")).toEqual({ state: "ready", down: false });
  });

  it("treats no entry, no view or no device id as unknown, not down", () => {
    expect(printerOf(view, "kiosk-3")).toEqual({ state: null, down: false });
    expect(printerOf(null, "kiosk-1")).toEqual({ state: null, down: false });
    expect(printerOf(view, undefined)).toEqual({ state: null, down: false });
  });
});

describe("closedMatters", () => {
  it("lists the matters no open desk serves, and none while the view is unknown", () => {
    const waiting = [
      { matterId: "dowod", count: 3, open: true },
      { matterId: "prawo-jazdy", count: 0, open: false },
      { matterId: "meldunek", count: 1, open: false },
    ];
    expect([...closedMatters({ waiting })]).toEqual(["prawo-jazdy", "meldunek"]);
    expect(closedMatters(null).size).toBe(0);
  });
});
