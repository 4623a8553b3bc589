import { describe, expect, it } from "vitest";
import type { CallView, HallSite } from "../../protocol/live.ts";
import { bindingOf, callsIn, departmentsIn, scopeOf } from "./screen-scope.ts";

const matter = (id: string) => ({ id, name: id, nameEn: null, prefix: id.slice(0, 1).toUpperCase(), hint: null });
const SITE: Pick<HallSite, "departments"> = {
  departments: [
    { id: "komunikacja", name: "Wydział Komunikacji", matters: [matter("rejestracja"), matter("prawo-jazdy")] },
    { id: "obywatelskie", name: "Wydział Spraw Obywatelskich", matters: [matter("dowod"), matter("meldunek")] },
  ],
};
const desk = (id: string, matterIds: string[]) => ({ id, name: id, matterIds });
const DESKS: NonNullable<HallSite["desks"]> = [
  desk("s1", ["rejestracja"]),
  desk("s2", ["prawo-jazdy", "rejestracja"]),
  desk("s3", ["dowod", "meldunek"]),
];
const call = (deskId: string, matterId: string | null): CallView => ({
  ticketId: `${deskId}-${matterId}`,
  number: "A001",
  deskId,
  deskName: deskId,
  deskNumber: 1,
  at: "2026-11-30T10:00:00+01:00",
  attempt: 1,
  matterId,
});
const SCREENS = [
  { id: "ekran-1", name: "Parter", departmentIds: ["komunikacja"] },
  { id: "ekran-2", name: "I piętro" },
];

describe("bindingOf", () => {
  it("takes the device's binding from the configuration, by the login's device or ?screen=", () => {
    expect(bindingOf(SCREENS, "ekran-1", new URLSearchParams())).toEqual(SCREENS[0]);
    expect(bindingOf(SCREENS, null, new URLSearchParams("screen=ekran-1"))).toEqual(SCREENS[0]);
  });

  it("falls back to ?departments= and ?desks= on the address, and to the whole site", () => {
    expect(bindingOf(SCREENS, "ekran-2", new URLSearchParams("departments=obywatelskie"))).toEqual({ departmentIds: ["obywatelskie"] });
    expect(bindingOf(undefined, null, new URLSearchParams("desks=s1,%20s2"))).toEqual({ deskIds: ["s1", "s2"] });
    expect(bindingOf(SCREENS, "ekran-2", new URLSearchParams())).toBeNull();
    expect(bindingOf(SCREENS, null, new URLSearchParams("departments="))).toBeNull();
  });
});

describe("a screen bound to a department", () => {
  const scope = scopeOf({ departmentIds: ["komunikacja"] }, SITE, DESKS);

  it("shows the calls of its matters, at any desk, and no other", () => {
    const calls = [call("s1", "rejestracja"), call("s3", "dowod"), call("s3", "prawo-jazdy"), call("s2", null)];
    expect(callsIn(scope, calls)).toEqual([calls[0], calls[2]]);
    expect(callsIn(null, calls)).toEqual(calls);
  });

  it("lists only its department's queues and names it", () => {
    expect(departmentsIn(scope, SITE.departments).map((d) => [d.name, d.matters.map((m) => m.id)])).toEqual([
      ["Wydział Komunikacji", ["rejestracja", "prawo-jazdy"]],
    ]);
    expect(scope?.names).toEqual(["Wydział Komunikacji"]);
  });
});

describe("a screen bound to desks", () => {
  const scope = scopeOf({ deskIds: ["s1"] }, SITE, DESKS);

  it("shows the calls to its desks and the queues they serve", () => {
    expect(callsIn(scope, [call("s1", "rejestracja"), call("s2", "rejestracja")]).map((c) => c.deskId)).toEqual(["s1"]);
    expect(departmentsIn(scope, SITE.departments).flatMap((d) => d.matters.map((m) => m.id))).toEqual(["rejestracja"]);
    expect(scope?.names).toEqual(["s1"]);
  });
});
