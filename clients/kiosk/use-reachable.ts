// Whether the kiosk reaches the server it works with (the cloud, or the office's print agent while the
// office is cut off): failures reported by requests and the browser's offline event turn it off; then it
// checks again with backoff until the server answers. A new server is checked at once.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { call } from "../shared/api.ts";
import { backoffMs } from "../shared/live.ts";

export function useReachable(origin: string | null = null): { online: boolean; report: (ok: boolean) => void } {
  const [online, setOnline] = useState(() => navigator.onLine);
  const attempt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const check = useCallback(async () => {
    try {
      await call("sites", { timeoutMs: 5_000, origin });
      attempt.current = 0;
      setOnline(true);
    } catch {
      setOnline(false);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void check(), backoffMs(attempt.current++));
    }
  }, [origin]);

  const report = useCallback(
    (ok: boolean) => {
      if (ok) return setOnline(true);
      setOnline(false);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void check(), backoffMs(attempt.current++));
    },
    [check],
  );

  useEffect(() => {
    const down = () => report(false);
    const up = () => {
      attempt.current = 0;
      void check();
    };
    window.addEventListener("offline", down);
    window.addEventListener("online", up);
    // A quiet kiosk still notices a lost server within a minute.
    const periodic = setInterval(() => void check(), 60_000);
    return () => {
      window.removeEventListener("offline", down);
      window.removeEventListener("online", up);
      clearInterval(periodic);
      clearTimeout(timer.current);
    };
  }, [check, report]);

  // Moved to another server: whether that one answers is checked at once.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    clearTimeout(timer.current);
    attempt.current = 0;
    void check();
  }, [check]);

  return { online, report };
}
