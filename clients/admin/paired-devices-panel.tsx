// The site's paired devices: a form to pair the device showing a code (the manager types the code and
// chooses which configured device it is), and the list of paired devices with their last contact,
// version and printer, each with "Odłącz" (revoke: its screen returns to a pairing code at once). A device
// the configuration lacks is added to it first (its kind, name and, for a desk screen, desk), then paired.
import { useEffect, useState } from "preact/hooks";
import type { SiteConfig } from "../../protocol/config.ts";
import type { DeviceKind, PairedDevice } from "../../protocol/devices.ts";
import type { UnprintedTicket } from "../../protocol/live.ts";
import { call, errorCode } from "../shared/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { officeDateTime } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode } from "../shared/messages.ts";
import { readConfig, storeConfig } from "./config/config-api.ts";
import { newDevice, withDevice } from "./new-device.ts";
import { UnprintedList } from "./unprinted-list.tsx";

interface Props {
  siteId: string;
  token: string;
  onAuthLost: () => void;
}

const NEW = "__new";
const KINDS: readonly DeviceKind[] = ["kiosk", "group-screen", "desk-screen", "agent"];

/** Pairs the device showing a code as one of the site's configured devices, or as a new one added to the configuration first. */
function PairForm(props: Props & { config: SiteConfig | null; onPaired: (d: PairedDevice) => void }) {
  const { t } = useI18n();
  const configured = props.config?.devices ?? [];
  const desks = props.config?.desks ?? [];
  const [code, setCode] = useState("");
  const [deviceId, setDeviceId] = useState("");
  const [kind, setKind] = useState<DeviceKind>("kiosk");
  const [name, setName] = useState("");
  const [deskId, setDeskId] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const chosen = deviceId || configured[0]?.id || NEW;
  const desk = deskId || desks[0]?.id || "";
  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      let target = chosen;
      if (chosen === NEW) {
        // Read afresh: another manager may have changed the site meanwhile.
        const current = await readConfig(props.siteId, props.token);
        const added = newDevice(current, kind, name, kind === "desk-screen" ? desk : undefined);
        await storeConfig(withDevice(current, added), props.token);
        target = added.id;
        setDeviceId(added.id);
      }
      const { device } = await call("pairDevice", {
        params: { siteId: props.siteId },
        token: props.token,
        body: { code, deviceId: target },
      });
      setCode("");
      setName("");
      props.onPaired(device);
    } catch (err) {
      const c = errorCode(err);
      if (c === "TOKEN_INVALID" || c === "UNAUTHENTICATED") props.onAuthLost();
      setError(c);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="adm-pair" onSubmit={submit} aria-describedby="adm-pair-note adm-pair-error">
      <p class="muted" id="adm-pair-note">
        {t("adm.pair.note")}
      </p>
      <label for="adm-pair-code">{t("adm.pair.code")}</label>
      <input
        id="adm-pair-code"
        name="code"
        required
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        maxLength={20}
        value={code}
        onInput={(e) => setCode(e.currentTarget.value)}
      />
      <label for="adm-pair-device">{t("adm.pair.device")}</label>
      <select id="adm-pair-device" value={chosen} onChange={(e) => setDeviceId(e.currentTarget.value)}>
        {configured.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name} ({t(`adm.deviceKind.${d.kind}`)})
          </option>
        ))}
        <option value={NEW}>{t("adm.pair.new")}</option>
      </select>
      {chosen === NEW && (
        <fieldset class="adm-pair-new">
          <legend>{t("adm.pair.new")}</legend>
          <label for="adm-pair-kind">{t("adm.pair.kind")}</label>
          <select id="adm-pair-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as DeviceKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`adm.deviceKind.${k}`)}
              </option>
            ))}
          </select>
          <label for="adm-pair-name">{t("adm.pair.name")}</label>
          <input id="adm-pair-name" required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          {kind === "desk-screen" && (
            <>
              <label for="adm-pair-desk">{t("adm.colDesk")}</label>
              <select id="adm-pair-desk" value={desk} onChange={(e) => setDeskId(e.currentTarget.value)}>
                {desks.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </>
          )}
        </fieldset>
      )}
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {t("adm.pair.submit")}
      </button>
      <ErrorNote code={error} id="adm-pair-error" />
    </form>
  );
}

function contactText(t: ReturnType<typeof useI18n>["t"], lang: ReturnType<typeof useI18n>["lang"], d: PairedDevice): string {
  if (d.online) return t("adm.pair.online");
  return d.lastContactAt ? officeDateTime(lang, d.lastContactAt) : t("adm.pair.never");
}

export function PairedDevicesPanel(props: Props) {
  const { t, lang } = useI18n();
  const [config, setConfig] = useState<SiteConfig | null>(null);
  const [devices, setDevices] = useState<PairedDevice[] | null>(null);
  const [unprinted, setUnprinted] = useState<UnprintedTicket[]>([]);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [said, setSaid] = useState("");
  const [round, setRound] = useState(0);

  useEffect(() => {
    let stopped = false;
    const failed = (err: unknown) => {
      if (stopped) return;
      const c = errorCode(err);
      if (c === "TOKEN_INVALID" || c === "UNAUTHENTICATED") props.onAuthLost();
      setError(c);
    };
    readConfig(props.siteId, props.token)
      .then((c) => !stopped && setConfig(c))
      .catch(failed);
    call("siteDevices", { params: { siteId: props.siteId }, token: props.token })
      .then((r) => {
        if (stopped) return;
        setDevices(r.devices);
        setUnprinted(r.unprinted);
        setError(null);
      })
      .catch(failed);
    // Last contact moves: the list is read again every half minute.
    const timer = setTimeout(() => setRound((r) => r + 1), 30_000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [props.siteId, props.token, round]);

  const revoke = async (d: PairedDevice) => {
    if (!window.confirm(t("adm.pair.revokeConfirm", { name: d.name }))) return;
    try {
      await call("revokeDevice", { params: { siteId: props.siteId, pairingId: d.id }, token: props.token, body: {} });
      setSaid(t("adm.pair.revoked", { name: d.name }));
    } catch (err) {
      setError(errorCode(err));
    }
    setRound((r) => r + 1);
  };

  const setAside = async (u: UnprintedTicket) => {
    try {
      const r = await call("setUnprintedAside", { params: { siteId: props.siteId, jobId: u.jobId }, token: props.token, body: {} });
      setUnprinted(r.unprinted);
      setSaid(t("adm.unprinted.setAsideDone", { number: u.number }));
    } catch (err) {
      setError(errorCode(err));
    }
  };

  return (
    <section class="adm-card" aria-labelledby="adm-paired-title">
      <h2 id="adm-paired-title">{t("adm.pair.title")}</h2>
      <PairForm
        {...props}
        config={config}
        onPaired={(d) => {
          setSaid(t("adm.pair.paired", { name: d.name }));
          setRound((r) => r + 1);
        }}
      />
      <p role="status" class="adm-said">
        {said}
      </p>
      <ErrorNote code={error} />
      {devices === null ? (
        <p class="muted">{t("common.loading")}</p>
      ) : devices.length === 0 ? (
        <p data-testid="no-paired-devices">{t("adm.pair.none")}</p>
      ) : (
        <table class="adm-table" data-testid="paired-devices">
          <caption class="visually-hidden">{t("adm.pair.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("adm.pair.colDevice")}</th>
              <th scope="col">{t("adm.pair.colContact")}</th>
              <th scope="col">{t("adm.pair.colVersion")}</th>
              <th scope="col">{t("adm.colPrinter")}</th>
              <th scope="col">{t("adm.pair.colPaired")}</th>
              <th scope="col">
                <span class="visually-hidden">{t("adm.pair.colActions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id} data-device={d.deviceId} data-online={d.online ? "yes" : "no"}>
                <th scope="row">
                  {d.name}
                  <div class="muted">{t(`adm.deviceKind.${d.kind}`)}</div>
                </th>
                <td>{contactText(t, lang, d)}</td>
                <td>{d.version}</td>
                <td>{d.printer ? t(`adm.printer.${d.printer}`) : "–"}</td>
                <td>
                  {officeDateTime(lang, d.pairedAt)}
                  <div class="muted">{d.pairedBy}</div>
                </td>
                <td>
                  <button type="button" class="btn" onClick={() => void revoke(d)}>
                    {t("adm.pair.revoke")}
                    <span class="visually-hidden"> {d.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <UnprintedList unprinted={unprinted} onSetAside={(u) => void setAside(u)} />
    </section>
  );
}
