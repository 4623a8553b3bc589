import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../protocol/audit.ts";
import { auditCsv } from "./csv.ts";

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: 7,
  at: "2026-11-30T08:00:00.000Z",
  actor: "torun-admin",
  address: "192.0.2.1",
  action: "site.changed",
  target: "torun-wk",
  summary: "Zmieniono konfigurację placówki",
  changes: [{ path: "departments[wk].matters[rej].name", before: '"Rejestracja"', after: '"Rejestracja, pojazdy"' }],
  ...over,
});

describe("auditCsv", () => {
  it("writes a header and one quoted-as-needed row per entry", () => {
    const csv = auditCsv([entry()]);
    const [header, row] = csv.trim().split("\r\n");
    expect(header).toBe("id,at,actor,address,action,target,summary,changes");
    expect(row).toBe(
      '7,2026-11-30T08:00:00.000Z,torun-admin,192.0.2.1,site.changed,torun-wk,Zmieniono konfigurację placówki,"departments[wk].matters[rej].name: ""Rejestracja"" → ""Rejestracja, pojazdy"""',
    );
  });

  it("never lets a spreadsheet run a cell as a formula", () => {
    const csv = auditCsv([entry({ actor: '=HYPERLINK("http://x")', summary: "+1", target: "@x", changes: [] })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(",'+1,");
    expect(csv).toContain(",'@x,");
  });

  it("writes empty cells for what is unknown", () => {
    expect(
      auditCsv([entry({ actor: null, address: null, target: null, changes: [] })])
        .trim()
        .split("\r\n")[1],
    ).toBe("7,2026-11-30T08:00:00.000Z,,,site.changed,,Zmieniono konfigurację placówki,");
  });
});
