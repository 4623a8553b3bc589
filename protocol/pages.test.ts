import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLIENT_PAGES, pageFile, pageForPath } from "./pages.ts";

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

describe("the asset layer and the pages' own files", () => {
  /** wrangler.jsonc's assets.run_worker_first (the tests run from the repository's root): what the Worker sees before the asset layer. */
  const rules = (): string[] => {
    const text = String(readFileSync("wrangler.jsonc", "utf8"));
    const list = /"run_worker_first":\s*(\[[^\]]*\])/.exec(text)?.[1];
    return list ? (JSON.parse(list) as string[]) : [];
  };
  /** A rule as the asset layer reads it: "*" is any run of characters, the rest is literal. */
  const matches = (rule: string, path: string): boolean =>
    new RegExp(
      `^${rule
        .split("*")
        .map((p) => p.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"))
        .join(".*")}$`,
    ).test(path);
  const toWorker = (path: string): boolean => rules().some((rule) => matches(rule, path));

  it("hands every page's built file, also percent-encoded, to the Worker (which refuses it) instead of sending it bare", () => {
    for (const page of CLIENT_PAGES) {
      expect(toWorker(pageFile(page)), pageFile(page)).toBe(true);
      expect(toWorker(pageFile(page).replace(".", "%2E")), pageFile(page)).toBe(true);
    }
  });

  it("still serves scripts and styles from the asset layer directly", () => {
    expect(toWorker("/assets/kiosk-AbC123.js")).toBe(false);
    expect(toWorker("/assets/kiosk-AbC123.css")).toBe(false);
  });
});
