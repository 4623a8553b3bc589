// One figure of the statistics: its text, or "–" for a figure with no data, said as "brak danych".
import { useI18n } from "../../shared/i18n.tsx";
import { NO_DATA } from "./figures-format.ts";

export function Figure(props: { value: string | null }) {
  const { t } = useI18n();
  if (props.value !== null) return <>{props.value}</>;
  return (
    <>
      <span aria-hidden="true">{NO_DATA}</span>
      <span class="visually-hidden">{t("stats.noData")}</span>
    </>
  );
}
