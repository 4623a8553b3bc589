// How long the statistics are kept: the site's statisticsRetentionYears (5 by default). At the end of each
// day the site object deletes the visits, desk spans and daily roll-ups of days before the cut-off. The
// personal-data purge is another rule (booking.retentionDays) and never touches these rows.

/** The first local day still kept `years` after `today` ("2026-11-30", 5 → "2021-11-30"; 29 February → 28 February). */
export function statisticsCutoff(today: string, years: number): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const year = y - years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
