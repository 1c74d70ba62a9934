/**
 * Time left on a deadline, as a word, an icon and a colour together: green
 * while running, amber past the warning share (80 % by default), red once
 * breached, grey and hatched while paused (a ticket waiting on the customer).
 */
import { useTranslation } from 'react-i18next';
import type { ClockState } from '../api/types';
import { formatDuration } from '../lib/duration';

export type Tone = 'ok' | 'warn' | 'breached' | 'paused';

const ICON: Record<Tone, string> = { ok: '◷', warn: '!', breached: '✕', paused: '‖' };

export function toneOf(o: { dueAt: number; now: number; warnAt?: number | null; elapsedPct?: number; state?: ClockState }): Tone {
  if (o.state === 'breached' || o.dueAt <= o.now) return 'breached';
  if (o.state === 'paused') return 'paused';
  const warned = o.warnAt != null ? o.warnAt <= o.now : (o.elapsedPct ?? 0) >= 80;
  return warned ? 'warn' : 'ok';
}

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
