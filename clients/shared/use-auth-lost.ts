// A screen signed in with a token the server stops taking mid-way (a device revoked, an account disabled
// or signed out everywhere: its live socket closes with 4401) signs out at once, back to its sign-in.
import { useEffect } from "preact/hooks";
import { AUTH_LOST_EVENT } from "./live.ts";

export function useAuthLost(signOut: () => void): void {
  useEffect(() => {
    window.addEventListener(AUTH_LOST_EVENT, signOut);
    return () => window.removeEventListener(AUTH_LOST_EVENT, signOut);
  });
}
