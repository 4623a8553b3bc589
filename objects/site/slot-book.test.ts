import { describe, expect, it } from "vitest";
import { booking as fixture } from "./booking-fixtures.ts";
import type { BookingStatus } from "./booking-store.ts";
import { SlotBook, type SlotHolder } from "./slot-book.ts";

const H = 3_600_000;
/** A booking of matter "rej" unless named. */
const booking = (id: string, startAt: number, status: BookingStatus, holdUntil = 0, matterId = "rej") =>
  fixture(id, matterId, startAt, status, holdUntil);

describe("the visits holding each slot", () => {
  it("counts confirmed and checked-in visits, and pending ones only until their hold ends", () => {
    const stored: SlotHolder[] = [
      booking("a", 10 * H, "confirmed"),
      booking("b", 10 * H, "pending", 5 * H),
      booking("c", 11 * H, "checked-in"),
      booking("d", 12 * H, "pending", 2 * H),
    ];
    const book = new SlotBook(() => stored);
    expect(book.taken("rej", 0, 24 * H, 1 * H)).toEqual(
      new Map([
        [10 * H, 2],
        [11 * H, 1],
        [12 * H, 1],
      ]),
    );
    // At 3:00 d's hold has ended; at 6:00 b's too.
    expect(book.taken("rej", 0, 24 * H, 3 * H)).toEqual(
      new Map([
        [10 * H, 2],
        [11 * H, 1],
      ]),
    );
    expect(book.taken("rej", 0, 24 * H, 6 * H)).toEqual(
      new Map([
        [10 * H, 1],
        [11 * H, 1],
      ]),
    );
    // One slot, and a range that leaves slots out; another matter has none.
    expect(book.taken("rej", 10 * H, 10 * H + 1, 1 * H)).toEqual(new Map([[10 * H, 2]]));
    expect(book.taken("rej", 11 * H, 12 * H, 1 * H)).toEqual(new Map([[11 * H, 1]]));
    expect(book.taken("pas", 0, 24 * H, 1 * H)).toEqual(new Map());
  });

  it("follows the rows each change writes: a hold, its confirmation, a move, a cancellation", () => {
    const book = new SlotBook(() => []);
    expect(book.taken("rej", 0, 24 * H, 0)).toEqual(new Map());
    book.update([booking("x", 10 * H, "pending", 1 * H)]);
    expect(book.taken("rej", 10 * H, 10 * H + 1, 0)).toEqual(new Map([[10 * H, 1]]));
    book.update([booking("x", 10 * H, "confirmed")]);
    expect(book.taken("rej", 10 * H, 10 * H + 1, 2 * H)).toEqual(new Map([[10 * H, 1]]));
    // Moved to another slot: the first one is free again.
    book.update([booking("x", 14 * H, "confirmed")]);
    expect(book.taken("rej", 0, 24 * H, 2 * H)).toEqual(new Map([[14 * H, 1]]));
    book.update([booking("x", 14 * H, "cancelled")]);
    expect(book.taken("rej", 0, 24 * H, 2 * H)).toEqual(new Map());
  });

  it("loads from storage once, on the first judgement, and keeps the rows written before it", () => {
    let loads = 0;
    const book = new SlotBook(() => {
      loads++;
      return [booking("a", 10 * H, "confirmed")];
    });
    // A row written before the first judgement is in storage, so it is loaded with the rest.
    book.update([booking("a", 10 * H, "confirmed")]);
    expect(loads).toBe(0);
    expect(book.taken("rej", 0, 24 * H, 0)).toEqual(new Map([[10 * H, 1]]));
    expect(book.taken("rej", 0, 24 * H, 0)).toEqual(new Map([[10 * H, 1]]));
    expect(loads).toBe(1);
  });

  it("forgets slots that began before a time", () => {
    const book = new SlotBook(() => [booking("old", 1 * H, "confirmed"), booking("new", 30 * H, "confirmed")]);
    expect(book.taken("rej", 0, 48 * H, 0).size).toBe(2);
    book.forgetBefore(24 * H);
    expect(book.taken("rej", 0, 48 * H, 0)).toEqual(new Map([[30 * H, 1]]));
  });
});
