import { describe, expect, it } from "vitest";
import { DEMO_VAPID_KEYS, pushSetupOf } from "./vapid-keys.ts";

const own = {
  VAPID_PUBLIC_KEY: `B${"A".repeat(86)}`,
  VAPID_PRIVATE_KEY: "A".repeat(43),
  VAPID_SUBJECT: "mailto:it@urzad.example",
};

describe("VAPID keys", () => {
  it("demo mode without keys uses the demo pair; production without keys is not configured", () => {
    expect(pushSetupOf({ NUMEREK_MODE: "demo" })).toEqual({ kind: "on", keys: DEMO_VAPID_KEYS });
    expect(pushSetupOf({ NUMEREK_MODE: "production" })).toEqual({ kind: "unconfigured", problem: "VAPID_PUBLIC_KEY is not set" });
  });

  it("production takes its own well-formed keys, never the demo pair or a half-set one", () => {
    expect(pushSetupOf({ NUMEREK_MODE: "production", ...own }).kind).toBe("on");
    const demo = {
      VAPID_PUBLIC_KEY: DEMO_VAPID_KEYS.publicKey,
      VAPID_PRIVATE_KEY: DEMO_VAPID_KEYS.privateKey,
      VAPID_SUBJECT: "mailto:a@b.pl",
    };
    expect(pushSetupOf({ NUMEREK_MODE: "production", ...demo })).toEqual({
      kind: "unconfigured",
      problem: "VAPID_PUBLIC_KEY is the demo key",
    });
    expect(pushSetupOf({ NUMEREK_MODE: "production", ...own, VAPID_SUBJECT: "" }).kind).toBe("unconfigured");
    expect(pushSetupOf({ NUMEREK_MODE: "production", ...own, VAPID_PRIVATE_KEY: "short" }).kind).toBe("unconfigured");
    expect(pushSetupOf({ NUMEREK_MODE: "production", ...own, VAPID_SUBJECT: "it@urzad.example" }).kind).toBe("unconfigured");
  });
});
