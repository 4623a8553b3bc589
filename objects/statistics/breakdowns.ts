// The figures split by department, matter, desk, clerk and period, straight from the records. A part
// belongs to the desk and clerk that served it (or last called it); parts never called belong to no desk.
// Desk and clerk rows add the clerks' time from the desk spans; period rows too (a span by its local date).
import type { GroupRow, PeriodRow, StaffRow, StatisticsGrouping } from "../../protocol/statistics.ts";
import { clerkTimeOf, staffFigures } from "./clerk-time.ts";
import { groupBy, sortedKeys } from "./group-by.ts";
import { localDateOf } from "./local-clock.ts";
import type { FigureOptions } from "./options.ts";
import { periodOf } from "./periods.ts";
import type { DeskSpan, SiteDayFacts, VisitRecord } from "./records.ts";
import { visitFigures } from "./visit-figures.ts";

function groupRows(parts: readonly VisitRecord[], key: (v: VisitRecord) => string, targets: FigureOptions["targets"]): GroupRow[] {
  const groups = groupBy(parts, key);
  return sortedKeys(groups).map((id) => ({ id, ...visitFigures(groups.get(id) ?? [], targets) }));
}

export function byDepartment(parts: readonly VisitRecord[], options: FigureOptions): GroupRow[] {
  return groupRows(parts, (v) => v.departmentId, options.targets);
}

export function byMatter(parts: readonly VisitRecord[], options: FigureOptions): GroupRow[] {
  return groupRows(parts, (v) => v.matterId, options.targets);
}

function staffRows(
  parts: readonly VisitRecord[],
  spans: readonly DeskSpan[],
  partKey: (v: VisitRecord) => string | null,
  spanKey: (s: DeskSpan) => string | null,
  options: FigureOptions,
): StaffRow[] {
  const partGroups = groupBy(parts, partKey);
  const spanGroups = groupBy(spans, spanKey);
  return sortedKeys(partGroups, spanGroups).map((id) => {
    const figures = visitFigures(partGroups.get(id) ?? [], options.targets);
    return { id, ...figures, ...staffFigures(clerkTimeOf(spanGroups.get(id) ?? [], options.now), figures.served) };
  });
}

export function byDesk(facts: SiteDayFacts, options: FigureOptions): StaffRow[] {
  return staffRows(
    facts.visits,
    facts.desks,
    (v) => v.deskId,
    (s) => s.deskId,
    options,
  );
}

export function byClerk(facts: SiteDayFacts, options: FigureOptions): StaffRow[] {
  return staffRows(
    facts.visits,
    facts.desks,
    (v) => v.clerk,
    (s) => s.clerk,
    options,
  );
}

export function byPeriod(facts: SiteDayFacts, options: FigureOptions): PeriodRow[] {
  const grouping: StatisticsGrouping = options.groupBy ?? "day";
  const partGroups = groupBy(facts.visits, (v) => periodOf(v.day, grouping));
  const spanGroups = groupBy(facts.desks, (s) => periodOf(localDateOf(s.from, options.timeZone), grouping));
  return sortedKeys(partGroups, spanGroups).map((period) => {
    const figures = visitFigures(partGroups.get(period) ?? [], options.targets);
    return { period, ...figures, ...staffFigures(clerkTimeOf(spanGroups.get(period) ?? [], options.now), figures.served) };
  });
}
