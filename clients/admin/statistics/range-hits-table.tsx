// "Oczekiwanie w podanym zakresie – ostatnie 7 dni": for each matter, the share of last week's called
// tickets whose real wait fell inside the range the kiosk, ticket and e-ticket showed (withinRangeShare).
// Read for the last 7 days whatever range the view shows; a plain table with a caption and scope'd
// headers, in a focusable region, like the view's other tables.
import { useEffect, useState } from "preact/hooks";
import type { GroupRow } from "../../../protocol/statistics.ts";
import { useI18n } from "../../shared/i18n.tsx";
import { formatShare } from "./figures-format.ts";
import { addDays } from "./range.ts";
import { authLost, readSiteStatistics } from "./statistics-api.ts";
import { FiguresTable } from "./statistics-tables.tsx";

export function RangeHitsTable(props: {
  token: string;
  siteId: string;
  today: string;
  /** Read again when this changes (today's figures are live). */
  tick: number;
  shown: boolean;
  onAuthLost: () => void;
}) {
  const { t, lang } = useI18n();
  const [rows, setRows] = useState<GroupRow[] | null>(null);
  const { token, siteId, today, tick, shown, onAuthLost } = props;
  useEffect(() => {
    if (!shown) return;
    let stopped = false;
    readSiteStatistics(token, siteId, { from: addDays(today, -6), to: today }, "day").then(
      (answer) => {
        if (!stopped) setRows(answer.byMatter);
      },
      (err: unknown) => {
        if (!stopped && authLost(err)) onAuthLost();
      },
    );
    return () => {
      stopped = true;
    };
  }, [token, siteId, today, tick, shown, onAuthLost]);
  if (!rows) return null;
  return (
    <>
      <FiguresTable
        caption={t("stats.rangeHits")}
        head="stats.col.matter"
        columns={["stats.rangeHits.share"]}
        rows={rows.map((r) => ({ id: r.id, head: r.name ?? r.id, cells: [formatShare(lang, r.withinRangeShare)] }))}
        testId="stats-range-hits"
      />
      <p class="muted">{t("stats.rangeHits.note")}</p>
    </>
  );
}
