// The figures speak of ids; the answer names departments, matters and desks from the site's configuration
// (clerks keep their user names). An id no longer configured keeps no name.
import type { StatisticsFigures } from "../../protocol/statistics.ts";

export interface FigureNames {
  departments?: Readonly<Record<string, string>>;
  matters?: Readonly<Record<string, string>>;
  desks?: Readonly<Record<string, string>>;
}

function named<R extends { id: string; name?: string }>(rows: readonly R[], names: Readonly<Record<string, string>> | undefined): R[] {
  return rows.map((r) => {
    const name = names?.[r.id];
    return name === undefined ? r : { ...r, name };
  });
}

export function withNames(figures: StatisticsFigures, names: FigureNames): StatisticsFigures {
  return {
    ...figures,
    byDepartment: named(figures.byDepartment, names.departments),
    byMatter: named(figures.byMatter, names.matters),
    byDesk: named(figures.byDesk, names.desks),
  };
}
