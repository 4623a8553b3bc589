// A device added while pairing it: the site's configuration gains an entry for it, with an id made from
// its kind ("kiosk-2", "screen-1", "desk-screen-d3", "agent") that no device of the site has yet.
import type { DeviceConfig, SiteConfig } from "../../protocol/config.ts";
import type { DeviceKind } from "../../protocol/devices.ts";

const STEM: Record<DeviceKind, string> = { kiosk: "kiosk", "group-screen": "screen", "desk-screen": "desk-screen", agent: "agent" };

/** A new device's entry: a free id, the name given, and for a desk screen its desk. */
export function newDevice(config: SiteConfig, kind: DeviceKind, name: string, deskId?: string): DeviceConfig {
  const taken = new Set(config.devices.map((d) => d.id));
  const stem = kind === "desk-screen" && deskId ? `${STEM[kind]}-${deskId}` : STEM[kind];
  let id = kind === "agent" || kind === "desk-screen" ? stem : `${stem}-1`;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  return { id: id.slice(0, 40), name: name.trim(), kind, ...(kind === "desk-screen" && deskId ? { deskId } : {}) };
}

/** The configuration with the device added. */
export function withDevice(config: SiteConfig, device: DeviceConfig): SiteConfig {
  return { ...config, devices: [...config.devices, device] };
}
