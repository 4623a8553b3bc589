// Returns the kiosk to its start screen after a while without a touch or a key.
import { useEffect, useRef } from "preact/hooks";

export function useIdle(active: boolean, ms: number, onIdle: () => void): void {
  const cb = useRef(onIdle);
  cb.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => cb.current(), ms);
    const poke = () => {
      clearTimeout(timer);
      timer = setTimeout(() => cb.current(), ms);
    };
    const events = ["pointerdown", "keydown", "touchstart"] as const;
    for (const e of events) window.addEventListener(e, poke, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, poke);
    };
  }, [active, ms]);
}
