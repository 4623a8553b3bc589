import { describe, expect, it } from "vitest";
import { groupLabel, issueBody, NO_NEEDS, needsIdentity } from "./ticket-needs.ts";

describe("a kiosk ticket's needs", () => {
  it("send the flags only when asked for", () => {
    expect(issueBody("dowod", NO_NEEDS)).toEqual({ matterId: "dowod" });
    expect(issueBody("dowod", { priority: true, interpreter: true })).toEqual({ matterId: "dowod", priority: true, interpreter: true });
  });

  it("make the same matter with other needs another request", () => {
    const ids = [NO_NEEDS, { priority: true, interpreter: false }, { priority: false, interpreter: true }].map((n) =>
      needsIdentity("dowod", n),
    );
    expect(new Set(ids).size).toBe(3);
  });

  it("name a group in the kiosk's language, falling back to English, then Polish", () => {
    const g = { name: "Kobiety w ciąży", nameEn: "Pregnant women", nameUk: null };
    expect(groupLabel(g, "pl")).toBe("Kobiety w ciąży");
    expect(groupLabel(g, "en")).toBe("Pregnant women");
    expect(groupLabel(g, "uk")).toBe("Pregnant women");
    expect(groupLabel({ ...g, nameUk: "Вагітні жінки" }, "uk")).toBe("Вагітні жінки");
  });
});
