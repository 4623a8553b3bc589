// Which sites a caller reaches: organisations never see each other's sites.
import { describe, expect, it } from "vitest";
import { type Caller, creatorOrg, mayActOnSite, namesSite, reachableSites } from "./access.ts";

const torunAdmin: Caller = { role: "org-admin", org: "torun", sites: [] };
const torunManager: Caller = { role: "manager", org: "torun", sites: ["torun-wk"] };
const operator: Caller = { role: "operator", sites: [] };
const ORGS = { "torun-wk": "torun", "torun-wsa": "torun", "koszalin-usc": "koszalin" };

describe("site access by organisation", () => {
  it("an organisation's administrator acts on every site of theirs and none of another's", () => {
    expect(namesSite(torunAdmin, "koszalin-usc")).toBe(true);
    expect(mayActOnSite(torunAdmin, "torun-wsa", "torun")).toBe(true);
    expect(mayActOnSite(torunAdmin, "koszalin-usc", "koszalin")).toBe(false);
  });

  it("a manager acts only on the sites named in the token, and only in their organisation", () => {
    expect(namesSite(torunManager, "torun-wsa")).toBe(false);
    expect(mayActOnSite(torunManager, "torun-wk", "torun")).toBe(true);
    expect(mayActOnSite(torunManager, "torun-wsa", "torun")).toBe(false);
    // A site id of another organisation named in the token (an old token, a reused id) is still refused.
    expect(mayActOnSite(torunManager, "torun-wk", "koszalin")).toBe(false);
  });

  it("a token without an organisation reaches nothing, unless it is the operator's", () => {
    expect(mayActOnSite({ role: "manager", sites: ["torun-wk"] }, "torun-wk", "torun")).toBe(false);
    expect(mayActOnSite({ role: "org-admin", sites: [] }, "torun-wk", "torun")).toBe(false);
    expect(mayActOnSite(operator, "koszalin-usc", "koszalin")).toBe(true);
  });

  it("new sites: the operator names the organisation, an administrator uses their own, nobody else creates", () => {
    expect(creatorOrg(operator, "koszalin")).toEqual({ ok: true, org: "koszalin" });
    expect(creatorOrg(operator, undefined)).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(creatorOrg(torunAdmin, undefined)).toEqual({ ok: true, org: "torun" });
    expect(creatorOrg(torunAdmin, "torun")).toEqual({ ok: true, org: "torun" });
    expect(creatorOrg(torunAdmin, "koszalin")).toMatchObject({ ok: false, code: "SITE_FORBIDDEN" });
    expect(creatorOrg(torunManager, undefined)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("the sites a sign-in names: the operator's all, an administrator's their organisation's", () => {
    expect(reachableSites(operator, ORGS)).toEqual(["koszalin-usc", "torun-wk", "torun-wsa"]);
    expect(reachableSites(torunAdmin, ORGS)).toEqual(["torun-wk", "torun-wsa"]);
    expect(reachableSites({ role: "clerk", org: "torun", sites: ["torun-wk", "koszalin-usc"] }, ORGS)).toEqual(["torun-wk"]);
  });
});
