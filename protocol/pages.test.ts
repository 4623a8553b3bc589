import { describe, expect, it } from "vitest";
import { pageFile, pageForPath } from "./pages.ts";

const shown = (path: string): string | null => {
  const page = pageForPath(path);
  return page ? pageFile(page) : null;
};

describe("client pages", () => {
  it("each app's addresses show its page, with or without a trailing slash", () => {
    expect(shown("/kiosk/demo")).toBe("/kiosk.html");
    expect(shown("/display/torun-wk/")).toBe("/display.html");
    expect(shown("/desk-display/demo/d1")).toBe("/desk-display.html");
    expect(shown("/clerk")).toBe("/clerk.html");
    expect(shown("/clerk/")).toBe("/clerk.html");
    expect(shown("/t/demo.AbC123")).toBe("/eticket.html");
    expect(shown("/admin")).toBe("/admin.html");
    expect(shown("/dev/outbox")).toBe("/outbox.html");
  });

  it("the booking site answers for itself and every path under it (the manage link)", () => {
    expect(shown("/booking")).toBe("/booking.html");
    expect(shown("/booking/")).toBe("/booking.html");
    expect(shown("/booking/manage/demo.b123")).toBe("/booking.html");
    expect(shown("/bookings")).toBeNull();
  });

  it("a path with a missing or an extra segment is no page (the Worker answers 404)", () => {
    expect(shown("/kiosk")).toBeNull();
    expect(shown("/kiosk/demo/extra")).toBeNull();
    expect(shown("/desk-display/demo")).toBeNull();
    expect(shown("/t/")).toBeNull();
    expect(shown("/clerk/d1")).toBeNull();
    expect(shown("/dev")).toBeNull();
    expect(shown("/")).toBeNull();
    expect(shown("/api/v1/sites")).toBeNull();
  });
});
