// Organisations, by the deployment's operator: the list, and a new organisation with its first
// administrator. The registry reserves the id and the user name together (nothing is stored when
// either is taken); the administrator's account is then written in the organisation's own directory.
import { claimsOf } from "../auth/middleware.ts";
import { ApiError, unwrap } from "../errors.ts";
import { forgetUser } from "../organisations.ts";
import { type ApiRoute, route } from "../route.ts";
import { directoryOf, registry } from "../sites.ts";
import { clientAddress } from "../validate.ts";

export const organisationRoutes: ApiRoute[] = [
  route("organisations", async (c) => ({ organisations: await registry(c.env).organisations() })),
  route("createOrganisation", async (c) => {
    const { id, name, admin } = c.req.valid("json");
    const reg = registry(c.env);
    unwrap(await reg.createOrganisation(id, name, admin.username));
    const account = { username: admin.username, password: admin.password, role: "org-admin" as const, siteIds: [] };
    const dir = directoryOf(c.env, id);
    unwrap(await dir.putAccount(id, account));
    const who = { actor: claimsOf(c).sub, address: clientAddress(c) };
    await dir.recordAudit({
      ...who,
      action: "organisation.created",
      target: id,
      summary: `Utworzono organizację ${name} z administratorem ${admin.username}`,
    });
    // The operator chose the password: it is temporary, and the administrator sets their own at first sign-in.
    unwrap(await dir.setTemporaryPassword(id, admin.username, admin.password, who));
    forgetUser(admin.username);
    const organisation = (await reg.organisations()).find((o) => o.id === id);
    if (!organisation) throw new ApiError("INTERNAL");
    return { organisation, admin: { username: admin.username, role: "org-admin" as const } };
  }),
];
