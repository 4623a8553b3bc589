// A device opened without credentials shows a pairing code: it asks the server for one, shows it large,
// and asks every few seconds whether a manager has typed it into the manager page. Once paired, the
// session it collects is the device's own long-lived token. An expired code is replaced by a new one.
import { useEffect, useState } from "preact/hooks";
import type { DeviceKind, StartPairingResponse } from "../../protocol/devices.ts";
import { PROTOCOL_VERSION } from "../../protocol/live-wire.ts";
import { call, errorCode } from "./api.ts";
import { useI18n } from "./i18n.tsx";
import type { Session } from "./session.ts";

/** What a waiting device asks again after a failure (the server unreachable, too many codes waiting). */
const RETRY_MS = 15_000;

export function PairingPanel(props: { kind: DeviceKind; siteId: string; onSession: (s: Session) => void }) {
  const { t } = useI18n();
  const [pairing, setPairing] = useState<StartPairingResponse | null>(null);
  const [failed, setFailed] = useState(false);
  // Bumped to ask for a new code (the old one expired or is unknown).
  const [round, setRound] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (fn: () => void, ms: number) => {
      if (!stopped) timer = setTimeout(fn, ms);
    };
    const poll = (p: StartPairingResponse) => {
      if (Date.parse(p.expiresAt) <= Date.now()) return setRound((r) => r + 1);
      call("pairingState", { params: { secret: p.secret } })
        .then((s) => {
          if (stopped) return;
          if (s.state === "paired") props.onSession(s.session);
          else later(() => poll(p), p.pollAfterS * 1000);
        })
        .catch((err: unknown) => {
          if (stopped) return;
          if (errorCode(err) === "PAIRING_UNKNOWN") setRound((r) => r + 1);
          else later(() => poll(p), p.pollAfterS * 1000);
        });
    };
    call("startPairing", { body: { kind: props.kind, siteId: props.siteId, version: `web/${PROTOCOL_VERSION}` } })
      .then((p) => {
        if (stopped) return;
        setFailed(false);
        setPairing(p);
        later(() => poll(p), p.pollAfterS * 1000);
      })
      .catch(() => {
        if (stopped) return;
        setPairing(null);
        setFailed(true);
        later(() => setRound((r) => r + 1), RETRY_MS);
      });
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [props.kind, props.siteId, round]);

  return (
    <section class="login-form pairing" aria-labelledby="pairing-title">
      <h1 id="pairing-title">{t("pair.title")}</h1>
      {pairing ? (
        <>
          <p class="muted">{t("pair.codeLabel")}</p>
          <p class="pairing-code" data-testid="pairing-code">
            {pairing.code}
          </p>
          <p>{t("pair.howTo", { site: props.siteId })}</p>
        </>
      ) : (
        <p class="muted" role="status">
          {failed ? t("pair.unavailable") : t("common.loading")}
        </p>
      )}
    </section>
  );
}
