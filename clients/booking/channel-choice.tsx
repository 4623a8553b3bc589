// How the citizen wants the code (R6 step 4): by SMS to a mobile number (the default) or by e-mail.
// A native radio group in a fieldset: arrow keys move between the two, the legend names the choice.
import { useI18n } from "../shared/i18n.tsx";
import type { Channel } from "./flow.ts";

const OPTIONS = [
  { channel: "sms", label: "bk.channelSms" },
  { channel: "email", label: "bk.channelEmail" },
] as const;

export function ChannelChoice(props: { channel: Channel; onChannel: (c: Channel) => void }) {
  const { t } = useI18n();
  return (
    <fieldset class="bk-channel">
      <legend>{t("bk.channelTitle")}</legend>
      {OPTIONS.map((o) => (
        <label key={o.channel} class="bk-radio">
          <input
            type="radio"
            name="channel"
            value={o.channel}
            checked={props.channel === o.channel}
            onChange={() => props.onChannel(o.channel)}
          />
          <span>{t(o.label)}</span>
        </label>
      ))}
    </fieldset>
  );
}
