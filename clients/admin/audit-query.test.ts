import { describe, expect, test } from "vitest";
import { auditQuery, dayStart, exportFileName, NO_FILTERS, readable } from "./audit-query.ts";

const TZ = "Europe/Warsaw";

describe("audit filters as the API takes them", () => {
  test("a day begins at midnight of the office's time zone, in winter and in summer", () => {
    expect(new Date(dayStart("2026-11-30", TZ) ?? 0).toISOString()).toBe("2026-11-29T23:00:00.000Z");
    expect(new Date(dayStart("2026-07-01", TZ) ?? 0).toISOString()).toBe("2026-06-30T22:00:00.000Z");
    // The day the clocks go forward begins before the change.
    expect(new Date(dayStart("2026-03-29", TZ) ?? 0).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(dayStart("", TZ)).toBeNull();
    expect(dayStart("30.11.2026", TZ)).toBeNull();
  });

  test("no filters ask for everything; the operator's organisation is named", () => {
    expect(auditQuery(NO_FILTERS, TZ, null)).toEqual({});
    expect(auditQuery(NO_FILTERS, TZ, "torun")).toEqual({ org: "torun" });
  });

  test("each filter set is sent, the last day counting whole, and `before` pages back", () => {
    const q = auditQuery({ action: "site.changed", actor: " torun-admin ", from: "2026-11-02", to: "2026-11-30" }, TZ, null, 42);
    expect(q).toEqual({
      action: "site.changed",
      actor: "torun-admin",
      from: "2026-11-01T23:00:00.000Z",
      to: "2026-11-30T22:59:59.999Z",
      before: 42,
    });
  });
});

describe("changed values read for people", () => {
  test("strings without quotes, numbers, lists, yes or no, and absent values", () => {
    expect(readable('"Meldunek"')).toEqual({ kind: "text", text: "Meldunek" });
    expect(readable("15")).toEqual({ kind: "text", text: "15" });
    expect(readable('["rej","dow"]')).toEqual({ kind: "text", text: "rej, dow" });
    expect(readable("true")).toEqual({ kind: "yes" });
    expect(readable("false")).toEqual({ kind: "no" });
    expect(readable(null)).toEqual({ kind: "absent" });
    expect(readable("null")).toEqual({ kind: "absent" });
  });

  test("an object is shown on one line; text that is not JSON is shown as it is", () => {
    expect(readable('[["08:00","16:00"]]')).toEqual({ kind: "text", text: '[ [ "08:00", "16:00" ] ]' });
    expect(readable('{"a":1}')).toEqual({ kind: "text", text: '{ "a": 1 }' });
    expect(readable("not json")).toEqual({ kind: "text", text: "not json" });
  });
});

test("the exported file is named by the organisation and the day", () => {
  expect(exportFileName("torun", new Date("2026-11-30T08:00:00Z"))).toBe("dziennik-zdarzen-torun-2026-11-30.csv");
  expect(exportFileName(null, new Date("2026-11-30T08:00:00Z"))).toBe("dziennik-zdarzen-2026-11-30.csv");
});
