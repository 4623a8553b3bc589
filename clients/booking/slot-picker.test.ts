import { describe, expect, it } from "vitest";
import { dayPart } from "./slot-picker.tsx";

describe("the part of the day a free time is listed under", () => {
  it("an office open 8-16: morning, late morning, afternoon", () => {
    expect([8, 9, 10, 11, 12, 15].map(dayPart)).toEqual([
      "bk.partMorning",
      "bk.partMorning",
      "bk.partMidday",
      "bk.partMidday",
      "bk.partAfternoon",
      "bk.partAfternoon",
    ]);
  });

  it("an office open around the clock: its night is not morning, its evening not afternoon", () => {
    expect([0, 2, 5, 6].map(dayPart)).toEqual(["bk.partNight", "bk.partNight", "bk.partNight", "bk.partMorning"]);
    expect([17, 18, 23].map(dayPart)).toEqual(["bk.partAfternoon", "bk.partEvening", "bk.partEvening"]);
  });
});
