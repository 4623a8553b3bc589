// Devices by pairing: a kiosk, hall screen, desk screen or print agent opened without credentials asks
// for a short code and shows it; a manager of the site types it into the manager page and says which of
// the site's configured devices it is; the device then collects its own long-lived token. The manager
// page lists the paired devices (last contact, version, printer) and revokes one, which closes its
// sockets at once with CLOSE.ACCESS_REVOKED.
import { z } from "zod";
import { LoginResponse } from "./api.ts";
import { DeviceConfig, Id } from "./config.ts";
import { KioskPrinterState, UnprintedTicket } from "./live.ts";

export const DeviceKind = DeviceConfig.shape.kind;
export type DeviceKind = z.infer<typeof DeviceKind>;

/** What the device says of itself when it asks for a code. */
export const StartPairingRequest = z.strictObject({
  kind: DeviceKind,
  siteId: Id.describe("The site the device was opened for (the path of its page, the agent's setting)"),
  version: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/+-]{0,39}$/)
    .describe("The device's software, e.g. web/1 or agent/0.1.0"),
});
export type StartPairingRequest = z.infer<typeof StartPairingRequest>;

/** A pairing code as people read it: six letters and digits in two groups, none that read alike (0/O, 1/I). */
export const PairingCode = z
  .string()
  .max(20)
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[ACDEFHJKLMNPRTUVWXY3479]{6}$/, "six letters and digits, as the device shows them"));

export const StartPairingResponse = z.object({
  code: z.string().describe("Shown on the device, e.g. K7M-4QX"),
  secret: z.string().describe("The device's own proof of this pairing: it polls with it, nobody else sees it"),
  expiresAt: z.string(),
  pollAfterS: z.number().int().positive(),
});
export type StartPairingResponse = z.infer<typeof StartPairingResponse>;

export const PairingSecret = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const PairingState = z.discriminatedUnion("state", [
  z.object({ state: z.literal("waiting"), expiresAt: z.string() }),
  z.object({ state: z.literal("paired"), deviceId: z.string(), session: LoginResponse }),
]);
export type PairingState = z.infer<typeof PairingState>;

export const PairDeviceRequest = z.strictObject({
  code: PairingCode,
  deviceId: Id.describe("Which of the site's configured devices this is (site config `devices`)"),
});
export type PairDeviceRequest = z.infer<typeof PairDeviceRequest>;

export const PairedDevice = z.object({
  /** The pairing's own id (a device configured once may be paired again after a revocation). */
  id: z.string(),
  deviceId: z.string(),
  name: z.string().describe("The configured device's name, or its id when it is no longer configured"),
  kind: DeviceKind,
  pairedAt: z.string(),
  pairedBy: z.string(),
  online: z.boolean().describe("A live socket of the device is open now"),
  lastContactAt: z.string().nullable(),
  version: z.string(),
  printer: KioskPrinterState.optional().describe(
    "A kiosk's printer as the print agent last reported it; no-agent while the site's print agent is not connected",
  ),
});
export type PairedDevice = z.infer<typeof PairedDevice>;

export const DevicesResponse = z.object({
  devices: z.array(PairedDevice),
  unprinted: z
    .array(UnprintedTicket)
    .describe("Tickets the print agent could not print (too old by the time it could, or no printer), until a person sets them aside"),
});
export type DevicesResponse = z.infer<typeof DevicesResponse>;
export const UnprintedResponse = z.object({ unprinted: z.array(UnprintedTicket) });
export type UnprintedResponse = z.infer<typeof UnprintedResponse>;
export const PairedDeviceResponse = z.object({ device: PairedDevice });
export type PairedDeviceResponse = z.infer<typeof PairedDeviceResponse>;
