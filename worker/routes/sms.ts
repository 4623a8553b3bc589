// Twilio's delivery reports (R9): POST /api/v1/sms/status?ref=<outbox message id>, form-encoded as Twilio
// sends them (MessageSid, MessageStatus, ErrorCode…), signed with X-Twilio-Signature. Only a report signed
// with the account's auth token over the public URL Twilio called is accepted; the message id names its
// site, so the report goes straight to that site's object.
import { z } from "zod";
import { siteOfOutboxMessageId } from "../../objects/site/random.ts";
import { validTwilioSignature } from "../../objects/sms/twilio-signature.ts";
import { ApiError, unwrap } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { knowsSite, siteStub } from "../sites.ts";

const Report = z.object({
  MessageSid: z
    .string()
    .regex(/^[A-Za-z0-9]{2,64}$/)
    .optional(),
  MessageStatus: z.string().regex(/^[a-z_]{1,32}$/),
  ErrorCode: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
});

// The site comes from the message id, which is checked only after the signature: no site middleware.
export const smsRoutes: ApiRoute[] = [
  route("smsStatus", async (c) => {
    const signature = c.req.header("X-Twilio-Signature") ?? "";
    if (signature === "") throw new ApiError("SIGNATURE_INVALID");
    if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header("Content-Type") ?? "")) {
      throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the form Twilio sends: 'Content-Type: application/x-www-form-urlencoded'.");
    }
    const params: Record<string, string> = {};
    // Read as bytes: workerd warns when a form body is read with text().
    for (const [name, value] of new URLSearchParams(new TextDecoder().decode(await c.req.arrayBuffer()))) params[name] = value;
    // Twilio signed the URL it was given (the public one), not the one this Worker sees behind the edge.
    const url = new URL(c.req.url);
    const publicUrl = `${c.env.PUBLIC_URL.replace(/\/$/, "")}${url.pathname}${url.search}`;
    if (!(await validTwilioSignature(c.env.TWILIO_AUTH_TOKEN ?? "", publicUrl, params, signature))) throw new ApiError("SIGNATURE_INVALID");

    const parsed = Report.safeParse(params);
    if (!parsed.success)
      throw new ApiError("VALIDATION_FAILED", "MessageStatus (and MessageSid, ErrorCode when given) in Twilio's format.");
    const ref = url.searchParams.get("ref") ?? "";
    const siteId = siteOfOutboxMessageId(ref);
    // A message id naming no known site is refused before any site object is reached (or created).
    if (!siteId || !(await knowsSite(c.env, siteId))) throw new ApiError("NOT_FOUND", "No such message.");
    const report = {
      providerId: parsed.data.MessageSid ?? null,
      status: parsed.data.MessageStatus,
      errorCode: parsed.data.ErrorCode ?? null,
    };
    unwrap(await siteStub(c.env, siteId).smsDeliveryReport(ref, report));
    return c.body(null, 204);
  }),
];
