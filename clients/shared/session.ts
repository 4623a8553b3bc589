// Sign-in for devices and staff: POST /auth/login, and the token kept in the browser
// (localStorage for devices set up once, sessionStorage for a clerk's working day).
import type { LoginResponse, Role } from "../../protocol/api.ts";
import { roleAdmitted } from "../../protocol/roles.ts";
import { call } from "./api.ts";

export type Session = LoginResponse;

export function login(username: string, password: string): Promise<Session> {
  return call("login", { body: { username, password } });
}

export interface SessionStore {
  load(): Session | null;
  save(s: Session): void;
  clear(): void;
}

/** A store under one key; sessions past their expiry are dropped on load. */
export function sessionStore(key: string, storage: "local" | "session"): SessionStore {
  const area = (): Storage | null => {
    try {
      return storage === "local" ? localStorage : sessionStorage;
    } catch {
      return null;
    }
  };
  return {
    load() {
      const raw = area()?.getItem(key);
      if (!raw) return null;
      try {
        const s = JSON.parse(raw) as Session;
        if (typeof s.token !== "string" || Date.parse(s.expiresAt) <= Date.now()) return null;
        return s;
      } catch {
        return null;
      }
    },
    save(s) {
      area()?.setItem(key, JSON.stringify(s));
    },
    clear() {
      area()?.removeItem(key);
    },
  };
}

/** Whether a session may run a screen of this site in one of these roles (an administrator may run a manager's). */
export function sessionFits(s: Session, roles: readonly Role[], siteId: string | null): "ok" | "wrongRole" | "wrongSite" {
  if (!roleAdmitted(s.role, roles)) return "wrongRole";
  if (siteId !== null && !s.siteIds.includes(siteId)) return "wrongSite";
  return "ok";
}
