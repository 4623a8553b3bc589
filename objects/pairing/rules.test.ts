import { describe, expect, it } from "vitest";
import { PairingCode } from "../../protocol/devices.ts";
import { CODE_ALPHABET, claimRefusal, deviceRole, drawCode, showCode, type WaitingCode } from "./rules.ts";

const NOW = 1_800_000_000_000;
const waiting: WaitingCode = { kind: "kiosk", siteId: "a", expiresAt: NOW + 60_000, pairedAt: null };

describe("pairing codes", () => {
  it("are drawn from letters and digits that cannot be misread, and shown in two groups", () => {
    const seq = [0, 22, 5, 12, 7, 1];
    const code = drawCode(() => seq.shift() ?? 0);
    expect(code).toBe(
      `${CODE_ALPHABET[0]}${CODE_ALPHABET[22]}${CODE_ALPHABET[5]}${CODE_ALPHABET[12]}${CODE_ALPHABET[7]}${CODE_ALPHABET[1]}`,
    );
    expect(showCode("K7MP4X")).toBe("K7M-P4X");
    for (const ch of "0O1I2Z5S8B6GQ") expect(CODE_ALPHABET).not.toContain(ch);
  });

  it("are read as people type them: any case, with or without the dash or a space", () => {
    expect(PairingCode.parse("k7m-p4x")).toBe("K7MP4X");
    expect(PairingCode.parse(" K7M P4X ")).toBe("K7MP4X");
    expect(PairingCode.safeParse("K7M-P4").success).toBe(false);
    expect(PairingCode.safeParse("K0M-P4X").success).toBe(false);
  });
});

describe("which role a paired device signs in as", () => {
  it("a kiosk as a kiosk, both kinds of screen as a display, the print agent as an agent", () => {
    expect(deviceRole("kiosk")).toBe("kiosk");
    expect(deviceRole("group-screen")).toBe("display");
    expect(deviceRole("desk-screen")).toBe("display");
    expect(deviceRole("agent")).toBe("agent");
  });
});

describe("whether a manager may pair a code", () => {
  it("with a configured device of its site and kind, before it expires and only once", () => {
    expect(claimRefusal(waiting, "a", { kind: "kiosk" }, NOW)).toBeNull();
    expect(claimRefusal(null, "a", { kind: "kiosk" }, NOW)?.code).toBe("PAIRING_CODE_UNKNOWN");
    expect(claimRefusal({ ...waiting, pairedAt: NOW - 1 }, "a", { kind: "kiosk" }, NOW)?.code).toBe("PAIRING_CODE_USED");
    expect(claimRefusal(waiting, "a", { kind: "kiosk" }, waiting.expiresAt)?.code).toBe("PAIRING_CODE_EXPIRED");
    expect(claimRefusal(waiting, "b", { kind: "kiosk" }, NOW)?.code).toBe("PAIRING_SITE_MISMATCH");
    expect(claimRefusal(waiting, "a", null, NOW)?.code).toBe("UNKNOWN_DEVICE");
    expect(claimRefusal(waiting, "a", { kind: "group-screen" }, NOW)?.code).toBe("DEVICE_KIND_MISMATCH");
  });
});
