// The hall clock: hours and minutes in Polish time (the offices' time zone).
import { useNow } from "../shared/hooks.ts";

const fmt = new Intl.DateTimeFormat("pl-PL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Warsaw" });

export function Clock() {
  const now = useNow(5_000);
  return (
    <time class="display-clock" dateTime={new Date(now).toISOString()}>
      {fmt.format(now)}
    </time>
  );
}
