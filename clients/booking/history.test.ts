import { describe, expect, it } from "vitest";
import type { PublicSite } from "../../protocol/api.ts";
import type { MatterEntry } from "./catalogue.ts";
import type { Flow } from "./flow.ts";
import { flowAt, holdPending, load, stepOfPath, stepPath } from "./history.ts";

const matter = { id: "rej", name: "Rejestracja" } as MatterEntry;
const site = { id: "s1" } as PublicSite;
const hold = { bookingId: "s1.x", expiresAt: "2026-11-30T10:00:00Z", sentAt: 0 };
const atCode: Flow = { step: 5, matter, site, start: "2026-12-01T09:00:00+01:00", hold };

describe("booking steps as URLs", () => {
  it("gives each step a path and reads it back", () => {
    for (const step of [1, 2, 3, 4, 5, 6] as const) expect(stepOfPath(stepPath(step))).toBe(step);
    expect(stepOfPath("/booking/")).toBe(1);
    expect(stepOfPath("/booking/step/7")).toBeNull();
    expect(stepOfPath("/booking/manage/x")).toBeNull();
  });

  it("rebuilds an earlier step from the furthest one reached, and nothing beyond it", () => {
    expect(flowAt(atCode, 1)).toEqual({ step: 1 });
    expect(flowAt(atCode, 3)).toEqual({ step: 3, matter, site });
    expect(flowAt(atCode, 4)).toEqual({ step: 4, matter, site, start: atCode.start });
    expect(flowAt(atCode, 5)).toEqual(atCode);
    expect(flowAt(atCode, 6)).toBeNull();
    expect(flowAt({ step: 2, matter }, 3)).toBeNull();
  });

  it("continues a hold only while its code is valid", () => {
    expect(holdPending(atCode, Date.parse("2026-11-30T09:59:00Z"))).toBe(true);
    expect(holdPending(atCode, Date.parse("2026-11-30T10:00:01Z"))).toBe(false);
    expect(holdPending({ step: 1 }, 0)).toBe(false);
  });

  it("ignores what storage holds when it is not a saved flow", () => {
    const from = (v: string | null) => load({ getItem: () => v });
    expect(from(null)).toBeNull();
    expect(from("{broken")).toBeNull();
    expect(from('{"furthest":{}}')).toBeNull();
    expect(
      from(JSON.stringify({ furthest: atCode, contact: { name: "", channel: "sms", phone: "", email: "" }, city: null, heldFor: null })),
    ).not.toBeNull();
  });
});
