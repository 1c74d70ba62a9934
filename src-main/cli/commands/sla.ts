import type { Command } from '../command';
import { UsageError } from '../command';
import { withContext } from '../open-context';
import { slaAt } from '../../services/deadlines';
import { branchSettings } from '../../services/settings';
import { isoInZone } from '../../core/time';
import { LocalTimeParser } from '../../core/import/times';

const ISO_WITH_ZONE = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/;
/** The offset is always given, so the parser's own zone never applies. */
const STRICT = new LocalTimeParser('UTC');

interface SlaLine {
  ticket_no: string;
  clock: string;
  due_at: string;
  elapsed_pct: number;
}

export const sla: Command = {
  name: 'sla',
  summary: 'deadline state of every open ticket at an instant',
  usage: 'sla [--at ISO-8601 with offset]',
  options: { at: { type: 'string' } },
  run: (env) => {
    const raw = env.values.at as string | undefined;
    // The strict parser refuses an instant the calendar does not have (2026-02-30), which Date.parse rolls into March.
    const parsed = raw === undefined ? null : ISO_WITH_ZONE.test(raw) ? STRICT.parse(raw) : null;
    if (raw !== undefined && parsed === null) {
      throw new UsageError(`--at needs an existing instant in ISO-8601 with its offset, like 2026-11-02T10:00:00+08:00; got "${raw}"`);
    }
    const at = parsed ?? env.now();
    return withContext(env, (ctx) => {
      const zone = branchSettings(ctx).zone;
      const r = slaAt(ctx, at);
      const fmt = (list: typeof r.approaching): SlaLine[] => list.map((i) => ({ ...i, due_at: isoInZone(i.due_at, zone) }));
      return { at: isoInZone(at, zone), approaching: fmt(r.approaching), breached: fmt(r.breached) };
    });
  },
  human: (r: { at: string; approaching: SlaLine[]; breached: SlaLine[] }) =>
    [
      `at ${r.at}: ${r.breached.length} breached, ${r.approaching.length} approaching`,
      ...r.breached.map((i) => `BREACHED     ${i.ticket_no}\t${i.clock}\tdue ${i.due_at}\t${i.elapsed_pct}%`),
      ...r.approaching.map((i) => `approaching  ${i.ticket_no}\t${i.clock}\tdue ${i.due_at}\t${i.elapsed_pct}%`),
    ].join('\n'),
};
