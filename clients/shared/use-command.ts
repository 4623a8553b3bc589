// One command at a time with an idempotency key, and sign-out on 401: the shape of every button that
// changes something on the server (a kiosk's ticket, a check-in, a clerk's desk command).
// Each command has an identity (a matter, a code, a desk command at a view's seq); its key is made on
// the first try and kept while the answer may have been lost or was given (a retry, a double tap,
// gets the first answer), and forgotten once the server refused (the next try is a new request).
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, errorCode, newKey } from "./api.ts";
import type { ClientErrorCode } from "./messages.ts";

export interface CommandFailure<A> {
  arg: A;
  code: ClientErrorCode;
  /** The API's message: some name a time or an office. */
  detail: string;
}

export interface CommandOptions<A, R> {
  /** The first part of each idempotency key ("kiosk", "checkin", …). */
  keyPrefix: string;
  /** Which commands are the same request: the same identity sends the same key. */
  identity: (arg: A) => string;
  run: (arg: A, idempotencyKey: string) => Promise<R>;
  /** Told after each answer whether the server was reached. */
  report?: (reached: boolean) => void;
  /** Told of each failure (after the state is set). */
  onFailure?: (failure: CommandFailure<A>) => void;
  /** Told when the token is refused (401), besides `authLost`. */
  onAuthLost?: () => void;
}

export interface Command<A, R> {
  /** The command on its way, if any. */
  pending: A | null;
  failure: CommandFailure<A> | null;
  /** The token was refused (401): the screen should sign out. */
  authLost: boolean;
  /** Sends the command; null when another is on its way or it failed. */
  send: (arg: A) => Promise<R | null>;
  /** Forgets the failure shown. */
  clear: () => void;
  /** Forgets the failure and every key (a new visitor: the same command again is a new request). */
  reset: () => void;
}

export function useCommand<A, R>(options: CommandOptions<A, R>): Command<A, R> {
  // The latest options (token, seq, callbacks) without making `send` change with every render.
  const opts = useRef(options);
  opts.current = options;
  const keys = useRef(new Map<string, string>());
  const inFlight = useRef(false);
  const [pending, setPending] = useState<A | null>(null);
  const [failure, setFailure] = useState<CommandFailure<A> | null>(null);
  const [authLost, setAuthLost] = useState(false);

  const send = useCallback(async (arg: A): Promise<R | null> => {
    // A second tap while the first is on its way does nothing (it would get the same answer anyway).
    if (inFlight.current) return null;
    inFlight.current = true;
    setPending(() => arg);
    setFailure(null);
    const { keyPrefix, identity, run, report, onFailure, onAuthLost } = opts.current;
    const id = identity(arg);
    let key = keys.current.get(id);
    if (!key) keys.current.set(id, (key = newKey(keyPrefix)));
    try {
      const answer = await run(arg, key);
      report?.(true);
      return answer;
    } catch (err) {
      const failed: CommandFailure<A> = { arg, code: errorCode(err), detail: err instanceof ApiError ? err.detail : "" };
      report?.(failed.code !== "NETWORK");
      if (failed.code === "TOKEN_INVALID" || failed.code === "UNAUTHENTICATED") {
        setAuthLost(true);
        onAuthLost?.();
      }
      // Refused: the next try is a new request. Lost on the way: a retry must reuse the key.
      if (failed.code !== "NETWORK") keys.current.delete(id);
      setFailure(failed);
      onFailure?.(failed);
      return null;
    } finally {
      inFlight.current = false;
      setPending(null);
    }
  }, []);

  const clear = useCallback(() => setFailure(null), []);
  const reset = useCallback(() => {
    keys.current = new Map();
    setFailure(null);
  }, []);
  return useMemo(() => ({ pending, failure, authLost, send, clear, reset }), [pending, failure, authLost, send, clear, reset]);
}
