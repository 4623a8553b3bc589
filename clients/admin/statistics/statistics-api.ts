// The statistics through the API: a site's figures for a range (JSON), the same as CSV for Excel with
// Polish settings (fetched with the staff token and handed over as a file), and an organisation's sites
// side by side.

import type { ErrorBody } from "../../../protocol/errors.ts";
import type { OrganisationStatisticsResponse, StatisticsGrouping, StatisticsResponse } from "../../../protocol/statistics.ts";
import { ApiError, call, urlOf } from "../../shared/api.ts";
import { isClientErrorCode } from "../../shared/messages.ts";
import type { DateRange } from "./range.ts";

/** The staff token no longer holds: the page asks to sign in again. */
export const authLost = (err: unknown) => err instanceof ApiError && (err.code === "TOKEN_INVALID" || err.code === "UNAUTHENTICATED");

export function readSiteStatistics(
  token: string,
  siteId: string,
  range: DateRange,
  groupBy: StatisticsGrouping,
): Promise<StatisticsResponse> {
  return call("siteStatistics", { params: { siteId }, query: { ...range, groupBy }, token, timeoutMs: 30_000 });
}

export function readOrganisationStatistics(token: string, range: DateRange): Promise<OrganisationStatisticsResponse> {
  return call("organisationStatistics", { query: range, token, timeoutMs: 30_000 });
}

/** The site's CSV of the range: every table, headers in the page's language. */
export async function siteStatisticsCsv(
  token: string,
  siteId: string,
  range: DateRange,
  groupBy: StatisticsGrouping,
  lang: "pl" | "en",
): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(urlOf("siteStatistics", { params: { siteId }, query: { ...range, groupBy, format: "csv", lang } }), {
      headers: { Accept: "text/csv", Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(30_000),
      cache: "no-store",
    });
  } catch {
    throw new ApiError("NETWORK", 0);
  }
  if (res.ok) return await res.blob();
  let code = "UNKNOWN";
  try {
    code = ((await res.json()) as Partial<ErrorBody>).error?.code ?? "UNKNOWN";
  } catch {
    // Not the API's error body: UNKNOWN.
  }
  throw new ApiError(isClientErrorCode(code) ? code : "UNKNOWN", res.status);
}
