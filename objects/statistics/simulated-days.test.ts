import { describe, expect, it } from "vitest";
import { zonedInstant } from "../queue/time.ts";
import { type SimulationSite, simulateDay } from "./simulated-days.ts";

const site: SimulationSite = {
  timeZone: "Europe/Warsaw",
  matters: { dowod: "wo", rej: "wk" },
  desks: [
    { id: "d1", clerk: "urzednik1", matterIds: ["dowod"] },
    { id: "d2", clerk: null, matterIds: ["rej"] },
  ],
};

describe("a simulated day shaped by the site", () => {
  it("takes tickets only within the day's hours, and each desk serves only its matters", () => {
    const day = "2026-10-06";
    const facts = simulateDay(day, 300, 7, site, { from: 10 * 60, to: 19 * 60 });
    const open = zonedInstant(day, 10 * 60, site.timeZone);
    const close = zonedInstant(day, 19 * 60, site.timeZone);
    const first = facts.visits.filter((v) => v.part === 0);
    expect(first).toHaveLength(300);
    for (const v of first) {
      expect(v.queuedAt).toBeGreaterThanOrEqual(open);
      expect(v.queuedAt).toBeLessThan(close - 30 * 60_000);
    }
    for (const v of facts.visits) {
      if (v.deskId === "d1") expect(v.matterId).toBe("dowod");
      if (v.deskId === "d2") expect(v.matterId).toBe("rej");
    }
    // The morning peak: two of three tickets in the first three hours.
    const peak = first.filter((v) => v.queuedAt < open + 180 * 60_000).length;
    expect(peak / first.length).toBeGreaterThan(0.55);
  });

  it("is the same day for the same seed", () => {
    expect(simulateDay("2026-10-06", 50, 3, site)).toEqual(simulateDay("2026-10-06", 50, 3, site));
  });
});
