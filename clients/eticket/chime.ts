// A short chime when the ticket is called, for a phone lying on a table. Browsers let a page make a sound
// only after the person has touched it, so the first tap or key press on the page opens the audio.
import { useEffect, useState } from "preact/hooks";

let audio: AudioContext | null = null;

function open(): boolean {
  try {
    audio ??= new AudioContext();
    void audio.resume();
    return true;
  } catch {
    return false;
  }
}

/** Whether the page may sound: true once the person has touched it (and the browser has audio). */
export function useChimeArmed(): boolean {
  const [armed, setArmed] = useState(audio !== null);
  useEffect(() => {
    if (armed) return;
    const arm = () => {
      if (open()) setArmed(true);
    };
    addEventListener("pointerdown", arm, { once: true });
    addEventListener("keydown", arm, { once: true });
    return () => {
      removeEventListener("pointerdown", arm);
      removeEventListener("keydown", arm);
    };
  }, [armed]);
  return armed;
}

/** Two falling tones, about half a second; nothing before the page was touched. */
export function chime(): void {
  if (!audio) return;
  const at = audio.currentTime;
  for (const [i, hz] of [880, 660].entries()) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, at + i * 0.28);
    gain.gain.exponentialRampToValueAtTime(0.4, at + i * 0.28 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + i * 0.28 + 0.26);
    tone.connect(gain).connect(audio.destination);
    tone.start(at + i * 0.28);
    tone.stop(at + i * 0.28 + 0.27);
  }
}
