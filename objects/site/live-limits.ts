// What a public (e-ticket) socket may cost the site object: a few messages now and then, a fresh
// picture at most every few seconds, a few sockets per ticket and a bounded number per client
// address. Plain rules with the time handed in (no timers); the hub keeps one allowance per
// socket in memory, so a wake-up from hibernation starts every count again.

/** A bucket of `burst` messages, one more every `everyMs`: what a socket may send. */
export interface BucketRule {
  burst: number;
  everyMs: number;
}

/**
 * An e-ticket page sends only a "resync" when it sees a gap in seq (pings are answered without
 * waking the object): five at once and one every two seconds leave it far more than it needs.
 */
export const PUBLIC_MESSAGES: BucketRule = { burst: 5, everyMs: 2_000 };
/** A fresh picture for a public socket at most this often; a "resync" sooner is not answered. */
export const PUBLIC_RESYNC_EVERY_MS = 3_000;

/**
 * Open e-ticket sockets per ticket: a phone with a few tabs, or one that changed networks and left
 * a socket the server has not yet seen die.
 */
export const SOCKETS_PER_TICKET = 8;
/**
 * Open e-ticket sockets per client address at one site: an office's guest Wi-Fi or a carrier's
 * shared address puts a hall full of phones behind one address.
 */
export const SOCKETS_PER_ADDRESS = 200;

export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rule: BucketRule,
    now: number,
  ) {
    this.tokens = rule.burst;
    this.at = now;
  }

  /** Takes one message's token; false when the bucket is empty. */
  take(now: number): boolean {
    if (now > this.at) {
      this.tokens = Math.min(this.rule.burst, this.tokens + (now - this.at) / this.rule.everyMs);
      this.at = now;
    }
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** What becomes of a frame from a public socket: read it, close the socket (the first frame over), or drop it unread. */
export type Admission = "read" | "close" | "drop";

/** One public socket's allowance: its message bucket and when it last got a fresh picture. */
export class SocketAllowance {
  private readonly bucket: TokenBucket;
  private over = false;
  private lastResync = Number.NEGATIVE_INFINITY;

  constructor(now: number, rule: BucketRule = PUBLIC_MESSAGES) {
    this.bucket = new TokenBucket(rule, now);
  }

  /** Called for every frame before it is read; once over budget, the socket stays over. */
  admit(now: number): Admission {
    if (this.over) return "drop";
    if (this.bucket.take(now)) return "read";
    this.over = true;
    return "close";
  }

  /** Whether a "resync" is answered now (and counted as answered). */
  resync(now: number, everyMs = PUBLIC_RESYNC_EVERY_MS): boolean {
    if (now - this.lastResync < everyMs) return false;
    this.lastResync = now;
    return true;
  }
}

/** The socket tag of a client address (tags are at most 256 characters; an address is far shorter). */
export function addressTag(address: string): string {
  return `from:${address.slice(0, 100)}`;
}

/** Whether another e-ticket socket is refused, given the sockets already open for its ticket and its address. */
export function overSocketCap(open: { ticket: number; address: number }): boolean {
  return open.ticket >= SOCKETS_PER_TICKET || open.address >= SOCKETS_PER_ADDRESS;
}
