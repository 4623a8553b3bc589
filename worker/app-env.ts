import type { TokenClaims } from "./auth/token.ts";
import type { Env } from "./env.ts";

/** Hono's typing of bindings and per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: { claims: TokenClaims };
}
