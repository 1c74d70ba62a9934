/**
 * The ticket's deadline clocks as small bars: the share of the limit used,
 * its state in words, and the due time in the branch zone. The colour is the
 * time left's, as everywhere (lib/timeLeft.ts). Time spent paused
 * (waiting on the customer) is drawn hatched after the used share.
 */
import { useTranslation } from 'react-i18next';
import type { ClockView } from '../api/types';
import { Countdown, toneOf } from '../components/Countdown';
import { formatDuration } from '../lib/duration';
import { formatDateTime } from '../lib/time';
import { useBranch } from '../state/session';
import { useNow } from '../state/useNow';
import { useTimeLeftTones } from '../state/deadlineSummary';

const ORDER = ['first_response', 'resolution', 'follow_up', 'refund'];

function ClockRow({ c, now }: { c: ClockView; now: number }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const tones = useTimeLeftTones();
  const used = Math.min(100, Math.max(0, c.elapsedPct));
  const pausedShare = c.limitMs > 0 ? Math.min(100 - used, (c.pausedMs / c.limitMs) * 100) : 0;
  const live = c.stoppedAt === null && c.state !== 'cancelled';
  const tone = c.state === 'cancelled' || c.state === 'met' || c.untimed ? 'done' : c.dueAt !== null ? toneOf({ dueAt: c.dueAt, now, tones, state: c.state }) : 'ok';
  return (
    <li className={`clock-row tone-${tone}`} data-clock={c.clock} data-state={c.untimed ? 'untimed' : c.state} title={c.untimed ? t('clock.untimedHint') : undefined}>
      <span className="clock-name">{t(`clock.kind.${c.clock}`)}</span>
      <span className="clock-bar" role="img" aria-label={`${t(`clock.kind.${c.clock}`)} ${Math.round(c.elapsedPct)}%`}>
        <span className="clock-used" style={{ width: `${used}%` }} />
        {pausedShare > 0 && <span className="clock-paused" style={{ width: `${pausedShare}%` }} />}
      </span>
      <span className="clock-text">
        {c.untimed ? (
          t('clock.untimed')
        ) : live && c.dueAt !== null ? (
          <Countdown dueAt={c.dueAt} now={now} tone={tone === 'done' ? 'ok' : tone} />
        ) : (
          t(`clock.state.${c.state}`)
        )}
      </span>
      <span className="muted num clock-due">
        {c.untimed
          ? ''
          : c.stoppedAt !== null
            ? t('clock.stopped', { at: formatDateTime(c.stoppedAt, zone) })
            : c.dueAt !== null
              ? t('clock.due', { at: formatDateTime(c.dueAt, zone) })
              : ''}
      </span>
      {c.pausedMs >= 60_000 && <span className="muted clock-pause">{t('clock.paused', { time: formatDuration(c.pausedMs, t) })}</span>}
    </li>
  );
}

export function ClockBars({ clocks }: { clocks: ClockView[] }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  if (clocks.length === 0) return null;
  const sorted = [...clocks].sort((a, b) => ORDER.indexOf(a.clock) - ORDER.indexOf(b.clock) || a.startedAt - b.startedAt);
  return (
    <section className="panel clocks" aria-label={t('clock.title')} data-testid="clocks">
      <ul>
        {sorted.map((c) => (
          <ClockRow key={`${c.clock}-${c.subjectId}-${c.startedAt}`} c={c} now={now} />
        ))}
      </ul>
    </section>
  );
}
