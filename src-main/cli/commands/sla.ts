import type { Command } from '../command';
import { UsageError } from '../command';
import { withContext } from '../open-context';
import { slaAt } from '../../services/deadlines';
import { branchSettings } from '../../services/settings';
import { isoInZone } from '../../core/time';

const ISO_WITH_ZONE = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/;

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
    if (raw !== undefined && (!ISO_WITH_ZONE.test(raw) || Number.isNaN(Date.parse(raw)))) {
      throw new UsageError(`--at needs an ISO-8601 time with its offset, like 2026-11-02T10:00:00+08:00; got "${raw}"`);
    }
    const at = raw === undefined ? env.now() : Date.parse(raw);
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
