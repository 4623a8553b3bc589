import { describe, expect, it } from "vitest";
import { describeStrandings, strandings } from "./config-change.ts";
import { deskCfg, T0, ticket } from "./test-fixtures.ts";

const shape = (matterIds: string[], desks = [deskCfg("d1", "a", "b"), deskCfg("d2", "a")]) => ({ matterIds: new Set(matterIds), desks });
const names = { matter: (id: string) => `Sprawa ${id}`, desk: (id: string) => `Stanowisko ${id}` };

describe("strandings", () => {
  it("finds nothing when every open ticket keeps its matter and its desk", () => {
    const tickets = [ticket("A001", "a", T0), ticket("B001", "b", T0, { status: "called", deskId: "d1" })];
    expect(strandings(tickets, shape(["a", "b"]))).toEqual([]);
  });

  it("a removed matter strands its waiting, called, served and missed tickets; closed ones do not count", () => {
    const tickets = [
      ticket("B002", "b", T0),
      ticket("B001", "b", T0, { status: "serving", deskId: "d1" }),
      ticket("B003", "b", T0, { status: "missed", deskId: "d1", misses: 1 }),
      ticket("B000", "b", T0, { status: "served", deskId: "d1" }),
      ticket("A001", "a", T0),
    ];
    expect(strandings(tickets, shape(["a"], [deskCfg("d1", "a"), deskCfg("d2", "a")]))).toEqual([
      { kind: "matter-removed", matterId: "b", numbers: ["B001", "B002", "B003"] },
    ]);
    // Nobody of it open: the matter may go.
    expect(strandings([tickets[3]!, tickets[4]!], shape(["a"], [deskCfg("d1", "a")]))).toEqual([]);
  });

  it("a removed desk strands whom it called or serves, and whom only it will call (a transfer, a missed client)", () => {
    const tickets = [
      ticket("A001", "a", T0, { status: "called", deskId: "d2" }),
      ticket("A002", "a", T0, { status: "waiting", deskId: "d2" }),
      ticket("A003", "a", T0, { status: "missed", deskId: "d2", misses: 1 }),
      ticket("A004", "a", T0),
    ];
    expect(strandings(tickets, shape(["a", "b"], [deskCfg("d1", "a", "b")]))).toEqual([
      { kind: "desk-removed", deskId: "d2", numbers: ["A001", "A002", "A003"] },
    ]);
    // An idle desk may go.
    expect(strandings([tickets[3]!], shape(["a", "b"], [deskCfg("d1", "a", "b")]))).toEqual([]);
  });

  it("waiting tickets of a matter no desk would serve any more are stranded too", () => {
    const tickets = [ticket("B001", "b", T0)];
    expect(strandings(tickets, shape(["a", "b"], [deskCfg("d1", "a"), deskCfg("d2", "a")]))).toEqual([
      { kind: "matter-unserved", matterId: "b", numbers: ["B001"] },
    ]);
  });

  it("says how many tickets, which, and which matter or desk", () => {
    const many = Array.from({ length: 7 }, (_, i) => ticket(`B00${i + 1}`, "b", T0));
    const text = describeStrandings(strandings(many, shape(["a"], [deskCfg("d1", "a")])), names);
    expect(text).toBe('matter "b" (Sprawa b) is removed while 7 tickets (B001, B002, B003, B004, B005 and 2 more) are open today');
    const one = describeStrandings([{ kind: "desk-removed", deskId: "d2", numbers: ["A001"] }], names);
    expect(one).toBe('desk "d2" (Stanowisko d2) is removed while 1 ticket (A001) is called to it, served there or waiting for it');
  });
});
