// Devices by pairing. A device opened without credentials asks for a code (public, counted per client
// address in the Pairings object) and polls with its secret; a manager of the site types the code and
// chooses which configured device it is; the Worker records the pairing in the organisation's directory,
// signs the device's long-lived token (subject device:<pairing id>) and leaves it for the device to
// collect. Revoking a pairing refuses its tokens and closes its sockets at once.
import type { Context } from "hono";
import type { DeviceRow } from "../../objects/directory/devices.ts";
import { deviceRole, deviceSubject } from "../../objects/pairing/rules.ts";
import { PAIRINGS_NAME } from "../../objects/pairings.ts";
import { SiteConfig } from "../../protocol/config.ts";
import { type PairedDevice, PairingSecret } from "../../protocol/devices.ts";
import type { PrinterStatus } from "../../protocol/live.ts";
import type { SiteEnv } from "../app-env.ts";
import { claimsOf } from "../auth/middleware.ts";
import { forgetRevocations } from "../auth/revocations.ts";
import { sessionFor } from "../auth/session.ts";
import type { Env } from "../env.ts";
import { ApiError, unwrap } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { site } from "../site.ts";
import { directoryOf, findSite, requireSite } from "../sites.ts";
import { clientAddress } from "../validate.ts";

function pairings(env: Env) {
  const ns = env.DATA_JURISDICTION ? env.PAIRINGS.jurisdiction(env.DATA_JURISDICTION) : env.PAIRINGS;
  return ns.get(ns.idFromName(PAIRINGS_NAME));
}

const PAIRING_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The site's organisation and its stored configuration (the site middleware has let the caller in). */
async function siteOf(c: Context<SiteEnv>): Promise<{ org: string; config: SiteConfig }> {
  const found = await findSite(c.env, c.var.siteId);
  const stored = found ? await directoryOf(c.env, found.org).siteConfig(c.var.siteId) : null;
  if (!found || !stored) throw new ApiError("UNKNOWN_SITE");
  return { org: found.org, config: SiteConfig.parse(stored) };
}

function whoOf(c: Context<SiteEnv>) {
  return { actor: claimsOf(c).sub, address: clientAddress(c) };
}

/** A pairing as the manager page shows it: the configured device's name, its last contact and printer. */
function shown(
  row: DeviceRow,
  config: SiteConfig,
  contact: { online: boolean; at: number | null } | undefined,
  printers: readonly PrinterStatus[],
): PairedDevice {
  const configured = config.devices.find((d) => d.id === row.device_id);
  const printer = row.kind === "kiosk" ? printers.find((p) => p.kioskId === row.device_id) : undefined;
  return {
    id: row.id,
    deviceId: row.device_id,
    name: configured?.name ?? row.device_id,
    kind: row.kind,
    pairedAt: new Date(row.paired_at).toISOString(),
    pairedBy: row.paired_by,
    online: contact?.online ?? false,
    lastContactAt: contact?.at ? new Date(contact.at).toISOString() : null,
    version: row.version,
    ...(printer ? { printer: printer.state } : {}),
  };
}

/** Closes the sockets of revoked pairings at their site; the tokens are refused already. */
function closeSockets(c: Context<SiteEnv>, ids: readonly string[]): Promise<unknown> {
  return Promise.all(ids.map((id) => c.var.stub.closeSocketsOf(deviceSubject(id))));
}

export const deviceRoutes: ApiRoute[] = [
  route("startPairing", async (c) => {
    const body = c.req.valid("json");
    await requireSite(c.env, body.siteId);
    return unwrap(await pairings(c.env).start(body, clientAddress(c)));
  }),
  route("pairingState", async (c) => {
    const secret = PairingSecret.safeParse(c.req.param("secret"));
    if (!secret.success) throw new ApiError("PAIRING_UNKNOWN");
    c.header("Cache-Control", "no-store");
    return unwrap(await pairings(c.env).state(secret.data));
  }),
  route("siteDevices", site(), async (c) => {
    const { org, config } = await siteOf(c);
    const rows = await directoryOf(c.env, org).pairedDevices(c.var.siteId);
    const live = await c.var.stub.deviceContacts(rows.map((r) => deviceSubject(r.id)));
    return {
      devices: rows.map((r) => shown(r, config, live.contacts[deviceSubject(r.id)], live.printers)),
      unprinted: live.unprinted,
    };
  }),
  route("setUnprintedAside", site(), async (c) => {
    const jobId = c.req.param("jobId");
    if (!/^job_[A-Za-z0-9_-]{1,60}$/.test(jobId)) throw new ApiError("NOT_FOUND");
    const left = unwrap(await c.var.stub.setUnprintedAside(jobId));
    const { org } = await siteOf(c);
    await directoryOf(c.env, org).recordAudit({
      ...whoOf(c),
      action: "print.set-aside",
      target: jobId,
      summary: `Odłożono niewydrukowany bilet placówki ${c.var.siteId}`,
    });
    return left;
  }),
  route("pairDevice", site(), async (c) => {
    const { code, deviceId } = c.req.valid("json");
    const { org, config } = await siteOf(c);
    const chosen = config.devices.find((d) => d.id === deviceId) ?? null;
    const book = pairings(c.env);
    const claimed = unwrap(await book.claim(code, c.var.siteId, chosen, claimsOf(c).sub));
    if (!chosen) throw new ApiError("UNKNOWN_DEVICE");
    const recorded = await directoryOf(c.env, org).pairDevice(org, { siteId: c.var.siteId, deviceId, ...claimed }, whoOf(c));
    if (!recorded.ok) await book.release(code);
    const { device, replaced } = unwrap(recorded);
    forgetRevocations(org);
    const session = await sessionFor(
      c.env,
      { username: deviceSubject(device.id), role: deviceRole(device.kind), siteIds: [c.var.siteId], deviceId },
      org,
    );
    await book.deliver(code, deviceId, session);
    await closeSockets(c, replaced);
    return { device: shown(device, config, undefined, []) };
  }),
  route("revokeDevice", site(), async (c) => {
    const pairingId = c.req.param("pairingId");
    if (!PAIRING_ID.test(pairingId)) throw new ApiError("UNKNOWN_DEVICE");
    const { org, config } = await siteOf(c);
    const row = unwrap(await directoryOf(c.env, org).revokeDevice(org, c.var.siteId, pairingId, whoOf(c)));
    forgetRevocations(org);
    await closeSockets(c, [row.id]);
    return { device: shown(row, config, undefined, []) };
  }),
];
