import { describe, expect, it } from "vitest";
import { tally } from "./tally.mjs";

describe("lost and doubled", () => {
  it("counts nothing when every answered command's effect is stored once", () => {
    const answers = [
      { key: "k1", id: "t1" },
      { key: "k2", id: "t2" },
      { key: "k1", id: "t1" }, // a retry answered with the first answer
    ];
    expect(tally({ answers, stored: ["t1", "t2"] })).toEqual({ lost: 0, doubled: 0 });
  });

  it("an answered command whose effect is missing is lost", () => {
    expect(
      tally({
        answers: [
          { key: "k1", id: "t1" },
          { key: "k2", id: "t2" },
        ],
        stored: ["t2"],
      }),
    ).toEqual({ lost: 1, doubled: 0 });
  });

  it("one key answered with two tickets is doubled (and lost if one of them is gone)", () => {
    const answers = [
      { key: "k1", id: "t1" },
      { key: "k1", id: "t9" },
    ];
    expect(tally({ answers, stored: ["t1", "t9"] })).toEqual({ lost: 0, doubled: 1 });
    expect(tally({ answers, stored: ["t9"] })).toEqual({ lost: 1, doubled: 1 });
  });

  it("one ticket claimed by two commands is doubled (a ticket called by two desks)", () => {
    const answers = [
      { key: "d1-0", id: "t1" },
      { key: "d2-0", id: "t1" },
    ];
    expect(tally({ answers, stored: ["t1"] })).toEqual({ lost: 0, doubled: 1 });
  });

  it("a ticket printed twice, and a stored effect no command made, are doubled", () => {
    expect(tally({ answers: [{ key: "A001", id: "A001" }], stored: ["A001", "A001"] })).toEqual({ lost: 0, doubled: 1 });
    expect(tally({ answers: [{ key: "k1", id: "t1" }], stored: ["t1", "t2"] })).toEqual({ lost: 0, doubled: 1 });
  });
});
