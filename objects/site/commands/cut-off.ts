// A manager lifts the closing cut-off of a matter for the rest of the local day: its walk-in tickets are
// given again whatever the forecast or the last-ticket time say, until the day ends. Stored with the day
// (objects/site/cut-off-overrides.ts), so a restart keeps it and the next day starts without it.
import type { CutOffOverrideResponse } from "../../../protocol/api.ts";
import { fail } from "../../../protocol/errors.ts";
import { isoLocal, nextLocalMidnight } from "../../queue/time.ts";
import { accept, type Decision, refuse } from "../change.ts";
import { withOverride } from "../cut-off-overrides.ts";
import type { ConfiguredRead } from "../draft.ts";

export function overrideCutOff(read: ConfiguredRead, matterId: string): Decision<CutOffOverrideResponse> {
  const { index, now, day } = read;
  if (!index.matters.has(matterId)) return refuse(fail("UNKNOWN_MATTER"));
  const until = isoLocal(nextLocalMidnight(now, index.config.timeZone), index.config.timeZone);
  // The kiosks and hall screens see the matter open again with the next frame.
  return accept({ matterId, until }, { cutOffOverrides: withOverride(read.stores.site, day, matterId), live: true });
}
