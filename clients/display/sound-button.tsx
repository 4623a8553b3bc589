// Shown only while the browser holds back audio: one press lets the screen chime.
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../shared/i18n.tsx";
import { audioRunning, onAudioState, unlockAudio } from "./chime.ts";

export function SoundButton() {
  const { t } = useI18n();
  const [running, setRunning] = useState(audioRunning);
  useEffect(() => onAudioState(() => setRunning(audioRunning())), []);
  if (running) return null;
  return (
    <button type="button" class="sound-button" onClick={() => void unlockAudio().then(() => setRunning(audioRunning()))}>
      {t("display.enableSound")}
    </button>
  );
}
