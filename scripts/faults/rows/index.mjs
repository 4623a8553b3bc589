// The rows of the fault matrix, in the order the table shows them.
import { ticketBurst } from "./ticket-burst.mjs";

export const ROWS = [ticketBurst];
