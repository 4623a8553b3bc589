// The public status in the shape of Warsaw's open queue API (api.um.warszawa.pl, action wsstore_get), so apps
// and scripts written for Warsaw's offices read numerek's by changing only the host. Warsaw's own types are
// kept: status, czasObslugi, lp and idGrupy are strings of digits, the two counts are numbers.
import type { PublicSiteStatus, WarsawFeed, WarsawFeedError } from "../../protocol/public-status.ts";
import { stableMatterNumber } from "./stable-id.ts";

export function warsawFeed(status: PublicSiteStatus): WarsawFeed {
  return {
    result: {
      date: status.date,
      time: status.time,
      grupy: status.matters.map((m, i) => ({
        status: m.open ? "1" : "0",
        czasObslugi: String(m.serviceMinutes),
        lp: String(i + 1),
        idGrupy: String(stableMatterNumber(status.siteId, m.id)),
        liczbaCzynnychStan: m.openDesks,
        nazwaGrupy: m.name,
        literaGrupy: m.prefix,
        liczbaKlwKolejce: m.waiting,
        aktualnyNumer: m.lastCalled ?? "",
      })),
    },
  };
}

/** What Warsaw answers (with HTTP 200) for an id it does not know. */
export function warsawError(error: string): WarsawFeedError {
  return { result: "false", error };
}
