/**
 * The list's filters: one control per field, each writing the URL (see
 * listParams.ts), and the active ones as chips with a ✕ that removes just
 * that filter. Status, channel and level take several values; picking one
 * adds it.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Category } from '../api/types';
import { CHANNELS, LEVELS, STATUSES } from '../../src-main/core/enums';
import { formatDateTime, fromLocalInput } from '../lib/time';
import { useMeta } from '../state/meta';
import { navigate } from '../state/route';
import { useQuery } from '../state/useQuery';
import {
  activeParams,
  addCode,
  channelParam,
  levelParam,
  statusParam,
  withParams,
  withoutParam,
  type FilterParam,
} from './listParams';

const DAY = 86_400_000;

/** Breach causes' names by code, in the user's language. */
type CauseNames = ReadonlyMap<string, string>;

function Pick({ label, testId, options, onPick }: { label: string; testId: string; options: Array<[string, string]>; onPick(v: string): void }) {
  return (
    <select className="filter-pick" aria-label={label} data-testid={`pick-${testId}`} value="" onChange={(e) => e.target.value && onPick(e.target.value)}>
      <option value="">{label}</option>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}

function categoryOptions(categories: Category[]): Array<[string, string]> {
  const tops = categories.filter((c) => c.parentId === null);
  return tops.flatMap((top) => [
    [String(top.id), top.name] as [string, string],
    ...categories.filter((c) => c.parentId === top.id).map((c): [string, string] => [String(c.id), `\u3000${c.name}`]),
  ]);
}

/** The chip's text for one active filter. */
function chipText(param: FilterParam, p: URLSearchParams, t: TFunction, zone: string, meta: ReturnType<typeof useMeta>, causes: CauseNames): string {
  const day = (ms: string | null) => (ms && /^-?\d+$/.test(ms) ? formatDateTime(Number(ms), zone).slice(0, 10) : '…');
  switch (param) {
    case 'status':
      return statusParam(p).map((s) => t(`status.${s}`)).join('、');
    case 'channel':
      return channelParam(p).map((c) => t(`channel.${c}`)).join('、');
    case 'level':
      return levelParam(p).map((l) => t(`level.${l}`)).join('、');
    case 'assignee': {
      const v = p.get('assignee');
      return v === 'none' ? t('tickets.filter.unassigned') : (meta.userName(Number(v)) ?? v ?? '');
    }
    case 'dept':
      return p.get('dept') ?? '';
    case 'district':
      return p.get('district') ?? '';
    case 'cat':
      return meta.categories.find((c) => c.id === Number(p.get('cat')))?.path ?? `#${p.get('cat')}`;
    case 'range': {
      const rt = p.get('rt');
      return `${day(p.get('rf'))} – ${rt && /^-?\d+$/.test(rt) ? day(String(Number(rt) - 1)) : '…'}`;
    }
    case 'repeat':
      return p.get('repeat') === '1' ? t('tickets.filter.repeatYes') : t('tickets.filter.repeatNo');
    case 'missed': {
      const clock = (['first_response', 'resolution', 'follow_up'] as const).find((c) => c === p.get('missed'));
      return clock ? t('reports.drill.missed', { clock: t(`reports.clock.${clock}`) }) : t('reports.drill.missedAny');
    }
    case 'cause': {
      const code = p.get('cause') ?? '';
      return causes.get(code) ?? code;
    }
    case 'slot': {
      const [wd = '', hour = ''] = (p.get('slot') ?? '').split(':');
      return t('reports.drill.slot', { weekday: t('reports.chart.weekdays').split(',')[Number(wd)] ?? '', hour });
    }
  }
}

export function FilterChips({ params, zone }: { params: URLSearchParams; zone: string }) {
  const { t, i18n } = useTranslation();
  const meta = useMeta();
  const active = activeParams(params);
  // The cause chip names the cause from the branch's list (retired ones included).
  const causeList = useQuery('reports/breachCauseOptions', active.includes('cause') ? {} : null).data ?? [];
  const causes: CauseNames = new Map(causeList.map((c) => [c.code, i18n.language === 'en' ? c.nameEn : c.nameZh]));
  // A report's drill-down leaves demo tickets out as the report did; said only when there are some to leave out.
  const noDemo = params.get('nodemo') === '1';
  const demo = useQuery('demo/status', noDemo ? {} : null).data;
  const demoLeftOut = noDemo && demo !== undefined && demo.demoTickets > 0 && demo.tickets > demo.demoTickets;
  if (active.length === 0 && !demoLeftOut) return null;
  return (
    <div className="filter-chips" data-testid="filter-chips">
      {active.map((param) => (
        <span key={param} className="search-chip" data-filter={param}>
          <span className="chip-name">{t(`tickets.filter.${param}`)}</span>
          {chipText(param, params, t, zone, meta, causes)}
          <a href={withoutParam(params, param)} aria-label={t('tickets.filter.remove', { name: t(`tickets.filter.${param}`) })}>
            ✕
          </a>
        </span>
      ))}
      {demoLeftOut && (
        <span className="search-chip" data-filter="nodemo">
          <span className="chip-name">{t('tickets.filter.nodemo')}</span>
          {t('tickets.filter.nodemoText')}
          <a href={withParams(params, { nodemo: undefined })} aria-label={t('tickets.filter.remove', { name: t('tickets.filter.nodemo') })}>
            ✕
          </a>
        </span>
      )}
      {active.length + (demoLeftOut ? 1 : 0) > 1 && (
        <a className="btn small link" href={withParams(params, Object.fromEntries(['status', 'channel', 'level', 'assignee', 'dept', 'district', 'cat', 'rf', 'rt', 'repeat', 'missed', 'slot', 'cause', 'nodemo'].map((k) => [k, undefined])))} data-testid="clear-filters">
          {t('tickets.filter.clearAll')}
        </a>
      )}
    </div>
  );
}

export function FilterBar({ params, zone }: { params: URLSearchParams; zone: string }) {
  const { t } = useTranslation();
  const meta = useMeta();
  const options = useQuery('reports/options', {});
  const set = (changes: Record<string, string | undefined>) => navigate(withParams(params, changes));
  const dayInput = (key: 'rf' | 'rt') => {
    const v = params.get(key);
    if (!v || !/^-?\d+$/.test(v)) return '';
    return formatDateTime(key === 'rt' ? Number(v) - 1 : Number(v), zone).slice(0, 10);
  };
  const setDay = (key: 'rf' | 'rt', value: string) => {
    const start = value ? fromLocalInput(`${value}T00:00`, zone) : null;
    // The "to" day is included: the filter runs to the next local midnight. (A DST-free zone is assumed for the +1 day.)
    set({ [key]: start === null ? undefined : String(key === 'rt' ? start + DAY : start) });
  };
  return (
    <div className="filter-bar" role="group" aria-label={t('tickets.filter.label')} data-testid="filter-bar">
      <Pick label={t('tickets.filter.status')} testId="status" options={STATUSES.map((s) => [s, t(`status.${s}`)])} onPick={(v) => set({ status: addCode(statusParam(params), v as (typeof STATUSES)[number], STATUSES) })} />
      <Pick label={t('tickets.filter.channel')} testId="channel" options={CHANNELS.map((c) => [c, t(`channel.${c}`)])} onPick={(v) => set({ channel: addCode(channelParam(params), v as (typeof CHANNELS)[number], CHANNELS) })} />
      <Pick label={t('tickets.filter.level')} testId="level" options={LEVELS.map((l) => [l, t(`level.${l}`)])} onPick={(v) => set({ level: addCode(levelParam(params), v as (typeof LEVELS)[number], LEVELS) })} />
      <Pick
        label={t('tickets.filter.assignee')}
        testId="assignee"
        options={[['none', t('tickets.filter.unassigned')], ...meta.users.map((u): [string, string] => [String(u.id), u.displayName])]}
        onPick={(v) => set({ assignee: v, chips: params.get('chips')?.split(',').filter((c) => c !== 'mine').join(',') })}
      />
      <Pick label={t('tickets.filter.dept')} testId="dept" options={(options.data?.departments ?? meta.departments).map((d) => [d, d])} onPick={(v) => set({ dept: v })} />
      <Pick label={t('tickets.filter.district')} testId="district" options={(options.data?.districts ?? []).map((d) => [d, d])} onPick={(v) => set({ district: v })} />
      <Pick label={t('tickets.filter.cat')} testId="cat" options={categoryOptions(meta.categories)} onPick={(v) => set({ cat: v })} />
      <label className="filter-range">
        {t('tickets.filter.from')}
        <input type="date" data-testid="pick-from" value={dayInput('rf')} onChange={(e) => setDay('rf', e.target.value)} />
      </label>
      <label className="filter-range">
        {t('tickets.filter.to')}
        <input type="date" data-testid="pick-to" value={dayInput('rt')} onChange={(e) => setDay('rt', e.target.value)} />
      </label>
      <Pick
        label={t('tickets.filter.repeat')}
        testId="repeat"
        options={[
          ['1', t('tickets.filter.repeatYes')],
          ['0', t('tickets.filter.repeatNo')],
        ]}
        onPick={(v) => set({ repeat: v })}
      />
    </div>
  );
}
