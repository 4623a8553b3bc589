import { describe, expect, it } from "vitest";
import { newSiteConfig } from "./new-site.ts";
import { addPriorityGroup, prioritySettings, removePriorityGroup } from "./priority-edits.ts";

describe("priority groups in the editor", () => {
  it("a new site starts with priority off, mode first, and the four usual groups", () => {
    const p = prioritySettings(newSiteConfig());
    expect(p.enabled).toBe(false);
    expect(p.mode).toBe("first");
    expect(p.groups.map((g) => g.name)).toEqual([
      "Kobiety w ciąży",
      "Osoby z niepełnosprawnością",
      "Rodzic z małym dzieckiem",
      "Posiadacze Karty Dużej Rodziny",
    ]);
  });

  it("adds an empty group at the end and removes the one chosen", () => {
    const site = addPriorityGroup(newSiteConfig());
    expect(site.priority.groups).toHaveLength(5);
    expect(site.priority.groups[4]).toEqual({ name: "" });
    const fewer = removePriorityGroup(site, 0);
    expect(fewer.priority.groups.map((g) => g.name)[0]).toBe("Osoby z niepełnosprawnością");
    expect(fewer.priority.groups).toHaveLength(4);
  });
});
