// The totals of the range as cards, in groups: visits, waits, the people at the desks, bookings,
// priority service (priority and PJM interpreter tickets), notifications and the estimate's error. A figure with no data shows "–" (said as "brak danych").
import type { StatisticsTotals } from "../../../protocol/statistics.ts";
import { useI18n } from "../../shared/i18n.tsx";
import type { MessageKey } from "../../shared/messages.ts";
import { Figure } from "./figure.tsx";
import { formatCount, formatDecimal, formatMinutes, formatShare } from "./figures-format.ts";

interface Card {
  key: MessageKey;
  id: string;
  value: string | null;
}

export function StatisticsCards(props: { totals: StatisticsTotals }) {
  const { t, lang } = useI18n();
  const s = props.totals;
  const n = (v: number) => formatCount(lang, v);
  const hours = (m: number) => `${formatDecimal(lang, m / 60)} h`;
  const groups: { title: MessageKey; cards: Card[] }[] = [
    {
      title: "stats.group.visits",
      cards: [
        { key: "stats.arrived", id: "arrived", value: n(s.arrived) },
        { key: "stats.served", id: "served", value: n(s.served) },
        { key: "stats.noShows", id: "noShows", value: n(s.noShows) },
        { key: "stats.noShowShare", id: "noShowShare", value: formatShare(lang, s.noShowShare) },
        { key: "stats.cancelled", id: "cancelled", value: n(s.cancelled) },
        { key: "stats.left", id: "left", value: n(s.left) },
      ],
    },
    {
      title: "stats.group.times",
      cards: [
        { key: "stats.waitP50", id: "waitP50", value: formatMinutes(lang, s.waitMinutes.p50) },
        { key: "stats.waitP90", id: "waitP90", value: formatMinutes(lang, s.waitMinutes.p90) },
        { key: "stats.waitMax", id: "waitMax", value: formatMinutes(lang, s.waitMinutes.max) },
        { key: "stats.serviceP50", id: "serviceP50", value: formatMinutes(lang, s.serviceMinutes.p50) },
        { key: "stats.serviceP90", id: "serviceP90", value: formatMinutes(lang, s.serviceMinutes.p90) },
        { key: "stats.withinTarget", id: "withinTarget", value: formatShare(lang, s.withinTargetShare) },
      ],
    },
    {
      title: "stats.group.staff",
      cards: [
        { key: "stats.perClerkHour", id: "perClerkHour", value: formatDecimal(lang, s.ticketsPerClerkHour) },
        { key: "stats.clerkServing", id: "clerkServing", value: hours(s.clerkMinutes.serving) },
        { key: "stats.clerkIdle", id: "clerkIdle", value: hours(s.clerkMinutes.idle) },
        { key: "stats.clerkBreak", id: "clerkBreak", value: hours(s.clerkMinutes.break) },
      ],
    },
    {
      title: "stats.group.bookings",
      cards: [
        { key: "stats.bookingsMade", id: "bookingsMade", value: n(s.bookings.made) },
        { key: "stats.bookingsKept", id: "bookingsKept", value: n(s.bookings.kept) },
        { key: "stats.bookingsMissed", id: "bookingsMissed", value: n(s.bookings.missed) },
        { key: "stats.bookingsCancelled", id: "bookingsCancelled", value: n(s.bookings.cancelled) },
      ],
    },
    {
      title: "stats.group.priority",
      cards: [
        { key: "stats.priorityTickets", id: "priorityTickets", value: n(s.priorityService.priority) },
        { key: "stats.interpreterTickets", id: "interpreterTickets", value: n(s.priorityService.interpreter) },
      ],
    },
    {
      title: "stats.group.messages",
      cards: [
        { key: "stats.smsSent", id: "smsSent", value: n(s.messages.sms.sent) },
        { key: "stats.smsFailed", id: "smsFailed", value: n(s.messages.sms.failed) },
        { key: "stats.emailSent", id: "emailSent", value: n(s.messages.email.sent) },
        { key: "stats.emailFailed", id: "emailFailed", value: n(s.messages.email.failed) },
        {
          key: "stats.estimateError",
          id: "estimateError",
          value: formatMinutes(lang, s.estimateError.meanAbsMinutes === null ? null : Math.round(s.estimateError.meanAbsMinutes)),
        },
        {
          key: "stats.estimateBias",
          id: "estimateBias",
          value: s.estimateError.bias === null ? null : `${formatDecimal(lang, s.estimateError.bias)} min`,
        },
      ],
    },
  ];
  return (
    <div class="stats-cards">
      {groups.map((g) => (
        <section key={g.title} class="stats-group" aria-labelledby={`stats-${g.title}`}>
          <h4 id={`stats-${g.title}`}>{t(g.title)}</h4>
          <dl>
            {g.cards.map((c) => (
              <div key={c.id} class="stats-card" data-figure={c.id}>
                <dt>{t(c.key)}</dt>
                <dd>
                  <Figure value={c.value} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
