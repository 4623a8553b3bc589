// The rows of the fault matrix, in the order the table shows them.

import { agentKill } from "./agent-kill.mjs";
import { alarmOutage } from "./alarm-outage.mjs";
import { bookingStorm } from "./booking-storm.mjs";
import { callBurst } from "./call-burst.mjs";
import { diskFull } from "./disk-full.mjs";
import { internetCut } from "./internet-cut.mjs";
import { keyReuse } from "./key-reuse.mjs";
import { midnight } from "./midnight.mjs";
import { restartClients } from "./restart-clients.mjs";
import { ticketBurst } from "./ticket-burst.mjs";

export const ROWS = [
  ticketBurst,
  callBurst,
  bookingStorm,
  agentKill,
  restartClients,
  alarmOutage,
  midnight,
  diskFull,
  keyReuse,
  internetCut,
];
