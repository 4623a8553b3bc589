// What the booking page needs to know before a citizen sends the form: the human check (Turnstile) it
// must show, with its public site key and script. Public, and never the secret.
import { type ApiRoute, route } from "../route.ts";
import { bookingConfigOf } from "../turnstile.ts";

export const bookingConfigRoutes: ApiRoute[] = [route("bookingConfig", async (c) => bookingConfigOf(c.env))];
