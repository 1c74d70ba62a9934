/**
 * Time left on a deadline, as a word, an icon and a colour together: green
 * with time to spare, amber then orange as the time left falls under the
 * branch's thresholds (lib/timeLeft.ts), red once breached, grey while paused
 * (a ticket waiting on the customer).
 */
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../lib/duration';
import type { Tone } from '../lib/timeLeft';

export { toneOf, type Tone } from '../lib/timeLeft';

const ICON: Record<Tone, string> = { ok: '◷', warn: '!', urgent: '‼', breached: '✕', paused: '‖' };

export function Countdown({ dueAt, now, tone }: { dueAt: number; now: number; tone: Tone }) {
  const { t } = useTranslation();
  const text = dueAt <= now ? t('clock.over', { time: formatDuration(now - dueAt, t) }) : t('clock.left', { time: formatDuration(dueAt - now, t) });
  return (
    <span className={`countdown tone-${tone}`} data-tone={tone}>
      <span aria-hidden="true">{ICON[tone]} </span>
      {tone === 'paused' ? `${t('clock.state.paused')} · ${text}` : text}
    </span>
  );
}
