import { describe, expect, it } from "vitest";
import type { SiteConfig } from "../../protocol/config.ts";
import { testSiteConfig } from "../../test/site-config.ts";
import { newDevice, withDevice } from "./new-device.ts";

const site = (devices: SiteConfig["devices"]): SiteConfig => ({ ...(testSiteConfig("s") as SiteConfig), devices });

describe("a device added while pairing it", () => {
  it("gets an id of its kind that no device of the site has", () => {
    expect(newDevice(site([]), "kiosk", " Biletomat 1 ")).toEqual({ id: "kiosk-1", name: "Biletomat 1", kind: "kiosk" });
    const two = site([{ id: "kiosk-1", name: "A", kind: "kiosk" }]);
    expect(newDevice(two, "kiosk", "B").id).toBe("kiosk-2");
    expect(newDevice(two, "group-screen", "Hala").id).toBe("screen-1");
    expect(newDevice(site([]), "agent", "Agent").id).toBe("agent");
    expect(newDevice(site([{ id: "agent", name: "A", kind: "agent" }]), "agent", "Agent").id).toBe("agent-2");
  });

  it("a desk screen names its desk", () => {
    expect(newDevice(site([]), "desk-screen", "Ekran 1", "d1")).toEqual({
      id: "desk-screen-d1",
      name: "Ekran 1",
      kind: "desk-screen",
      deskId: "d1",
    });
  });

  it("is appended to the configuration, the others kept", () => {
    const before = site([{ id: "kiosk-1", name: "A", kind: "kiosk" }]);
    const after = withDevice(before, newDevice(before, "kiosk", "B"));
    expect(after.devices.map((d) => d.id)).toEqual(["kiosk-1", "kiosk-2"]);
    expect(before.devices).toHaveLength(1);
  });
});
