// Ukrainian on the citizens' pages: every text the kiosk, the e-ticket and the booking site can show has
// a Ukrainian version of the same shape, plural forms follow Ukrainian rules, and dates read in Ukrainian.
//
// Which keys the public pages can show, found from their source rather than listed by hand:
//   start at the entry modules of the public pages (clients/kiosk/main.tsx, clients/eticket/main.tsx,
//   clients/booking/main.tsx, clients/queues/main.tsx, clients/display/main.tsx) and follow every relative import inside clients/ (the shared modules they
//   render: the language switch, the connection banner, the kiosk's sign-in form…); in each module
//   (the translation table itself aside) a string literal that is a key of the table counts as used, and
//   a template literal that begins `prefix${` counts every key starting with that prefix as used (so
//   `error.${code}` asks for every error text, `bk.status.${status}` for every booking status).
// A key added to a public page, or a shared component newly rendered by one, fails this test until
// messages-uk.ts has it. The hall screen counts as public (an office may show it in Ukrainian). Staff
// pages (console, manager page, desk screens) are never reached from these entries; they offer Polish
// and English only, so their keys need no Ukrainian.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { longDate, monthTitle, shortDate, weekdayNames } from "../booking/dates.ts";
import { officeDateTime } from "./format.ts";
import { translate } from "./i18n.tsx";
import { MESSAGES, type MessageKey, type PluralForms } from "./messages.ts";
import { UK } from "./messages-uk.ts";

const CLIENTS = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PUBLIC_ENTRIES = ["kiosk/main.tsx", "eticket/main.tsx", "booking/main.tsx", "queues/main.tsx", "display/main.tsx"].map((p) =>
  resolve(CLIENTS, p),
);
const ALL_KEYS = Object.keys(MESSAGES) as MessageKey[];
const KEY_SET: ReadonlySet<string> = new Set(ALL_KEYS);

/** The modules of the public pages: their entries and every module they import, within clients/. */
function publicModules(): string[] {
  const seen = new Set<string>();
  const queue = [...PUBLIC_ENTRIES];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const src = readFileSync(file, "utf8");
    const specifiers = [
      ...src.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g),
      ...src.matchAll(/\bimport\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g),
    ].map((m) => m[1]!);
    for (const spec of specifiers) {
      const target = resolve(dirname(file), spec);
      if (/\.tsx?$/.test(target) && target.startsWith(CLIENTS) && existsSync(target)) queue.push(target);
    }
  }
  return [...seen];
}

/** The keys the public pages can show, by the rule at the top of this file. */
function publicKeys(): Set<MessageKey> {
  const used = new Set<MessageKey>();
  for (const file of publicModules()) {
    if (/\/messages(-\w+)?\.ts$/.test(file)) continue;
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/["'`]([\w.-]+)["'`]/g)) if (KEY_SET.has(m[1]!)) used.add(m[1] as MessageKey);
    for (const m of src.matchAll(/`([\w.-]+)\$\{/g)) {
      const prefix = m[1]!;
      for (const k of ALL_KEYS) if (k.startsWith(prefix)) used.add(k);
    }
  }
  return used;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const textsOf = (e: string | PluralForms): string[] => (typeof e === "string" ? [e] : Object.values(e).filter((v) => v !== undefined));

describe("Ukrainian texts of the public pages", () => {
  const keys = publicKeys();

  test("the walk over the public pages finds their texts (kiosk, booking, e-ticket, shared, errors)", () => {
    for (const k of ["kiosk.title", "kiosk.checkIn.tooLate", "bk.title", "bk.status.checkedIn", "et.title", "et.smsSet"] as const) {
      expect(keys.has(k), k).toBe(true);
    }
    for (const k of [
      "lang.name",
      "lang.choose",
      "conn.offline",
      "ticket.eta",
      "count.people",
      "login.deviceAccount",
      "error.NETWORK",
    ] as const) {
      expect(keys.has(k), k).toBe(true);
    }
    // And nothing only staff see.
    expect([...keys].filter((k) => /^(clerk|adm|desk|out|msg)\./.test(k))).toEqual([]);
  });

  test("every key the public pages use has a Ukrainian text", () => {
    expect([...keys].filter((k) => UK[k] === undefined).sort()).toEqual([]);
  });

  test("each Ukrainian text has the Polish one's shape and placeholders, and counted texts have all four forms", () => {
    for (const [key, uk] of Object.entries(UK) as [MessageKey, string | PluralForms][]) {
      const pl = MESSAGES[key].pl;
      expect(typeof uk, key).toBe(typeof pl);
      if (typeof uk !== "string") expect(Object.keys(uk).sort(), key).toEqual(["few", "many", "one", "other"]);
      const wanted = placeholders(textsOf(pl)[0]!);
      for (const text of textsOf(uk)) {
        expect(placeholders(text), `${key}: ${text}`).toEqual(wanted);
        expect(text.trim(), key).not.toBe("");
      }
    }
  });

  test("plural forms follow Ukrainian rules: one (1, 21), few (2-4, 22-24), many (0, 5-20, 25), other (fractions)", () => {
    const people = (n: number) => translate("uk", "count.people", { n });
    expect([0, 1, 2, 4, 5, 11, 12, 14, 20, 21, 22, 25, 101, 111].map(people)).toEqual([
      "0 осіб",
      "1 особа",
      "2 особи",
      "4 особи",
      "5 осіб",
      "11 осіб",
      "12 осіб",
      "14 осіб",
      "20 осіб",
      "21 особа",
      "22 особи",
      "25 осіб",
      "101 особа",
      "111 осіб",
    ]);
    expect(translate("uk", "count.minutes", { n: 1.5 })).toBe("1.5 хвилини");
    expect(translate("uk", "ticket.ahead", { people: translate("uk", "count.people", { n: 3 }) })).toBe("Перед вами: 3 особи");
  });

  test("a staff-only text without Ukrainian reads in Polish (staff pages do not offer Ukrainian)", () => {
    expect(translate("uk", "clerk.title")).toBe("Konsola urzędnika");
  });

  test("dates and times read in Ukrainian", () => {
    expect(longDate("uk", "2026-11-24")).toBe("вівторок, 24 листопада 2026 р.");
    expect(shortDate("uk", "2026-11-24")).toMatch(/^вт.*24 листопада$/);
    expect(monthTitle("uk", "2026-11")).toMatch(/^листопад 2026/);
    expect(weekdayNames("uk")[0]).toEqual(["пн", "понеділок"]);
    expect(officeDateTime("uk", "2026-11-23T09:15:07Z")).toBe("23.11.2026, 10:15:07");
  });
});
