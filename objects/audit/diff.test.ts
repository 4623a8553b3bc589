import { describe, expect, it } from "vitest";
import { configDiff } from "./diff.ts";

const site = {
  name: "Urząd",
  voice: true,
  departments: [{ id: "wk", name: "Komunikacja", matters: [{ id: "rej", name: "Rejestracja", prefix: "R" }] }],
  desks: [
    { id: "d1", number: 1, matterIds: ["rej"] },
    { id: "d2", number: 2, matterIds: ["rej"] },
  ],
};
const copy = () => JSON.parse(JSON.stringify(site)) as typeof site;

describe("configDiff", () => {
  it("finds nothing between equal configurations", () => {
    expect(configDiff(site, copy())).toEqual([]);
  });

  it("names a changed value by a readable path, matching list items by id", () => {
    const after = copy();
    after.departments[0]!.matters[0]!.name = "Rejestracja pojazdu";
    after.voice = false;
    expect(configDiff(site, after)).toEqual([
      { path: "departments[wk].matters[rej].name", before: '"Rejestracja"', after: '"Rejestracja pojazdu"' },
      { path: "voice", before: "true", after: "false" },
    ]);
  });

  it("tells added and removed items, and a new order as one change", () => {
    const after = copy();
    after.desks = [
      { id: "d2", number: 2, matterIds: ["rej"] },
      { id: "d1", number: 1, matterIds: ["rej"] },
      { id: "d3", number: 3, matterIds: ["rej"] },
    ];
    expect(configDiff(site, after)).toEqual([
      { path: "desks[d3]", before: null, after: '{"id":"d3","number":3,"matterIds":["rej"]}' },
      { path: "desks (order)", before: '["d1","d2"]', after: '["d2","d1"]' },
    ]);
    const removed = copy();
    removed.desks = [site.desks[0]!];
    expect(configDiff(site, removed)).toEqual([{ path: "desks[d2]", before: '{"id":"d2","number":2,"matterIds":["rej"]}', after: null }]);
  });

  it("compares lists of plain values whole", () => {
    const after = copy();
    after.desks[0]!.matterIds = ["rej", "pr"];
    expect(configDiff(site, after)).toEqual([{ path: "desks[d1].matterIds", before: '["rej"]', after: '["rej","pr"]' }]);
  });

  it("a new configuration is one change of the whole", () => {
    expect(configDiff(null, { name: "A" })).toEqual([{ path: "(all)", before: "null", after: '{"name":"A"}' }]);
  });
});
