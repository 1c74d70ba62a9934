/** The list's URL is its whole filter: what a Today tile, a report chart, a chip or the bar writes is what the list asks SQL for. */
import { describe, expect, it } from 'vitest';
import { activeParams, addCode, listFilter, withoutParam } from './listParams';
import { drillHref, type Segment } from '../reports/drill';

const zone = 'Asia/Shanghai';
const filterOf = (query: string, userId = 7) => listFilter(new URLSearchParams(query), zone, userId);

describe('the ticket list URL', () => {
  it('a Today status tile opens the list with that status only', () => {
    expect(filterOf('status=accepted')).toEqual({ status: ['accepted'] });
    expect(filterOf('status=new,responded,bogus')).toEqual({ status: ['new', 'responded'] });
  });

  it('reads every filter of the bar', () => {
    expect(filterOf('channel=10086,store&level=major&assignee=3&dept=网络部&district=禅城区&cat=12&rf=1000&rt=2000&repeat=1')).toEqual({
      channel: ['10086', 'store'],
      level: ['major'],
      assigneeId: 3,
      department: '网络部',
      district: '禅城区',
      categoryId: 12,
      receivedFrom: 1000,
      receivedTo: 2000,
      repeat: true,
    });
    expect(filterOf('assignee=none')).toEqual({ unassigned: true });
    expect(filterOf('repeat=0')).toEqual({ repeat: false });
  });

  it('combines with the chips, the search and the deadline views', () => {
    expect(filterOf('chips=open,mine&q=1380&deadline=within2h')).toEqual({ open: true, assigneeId: 7, q: '1380', deadline: 'within2h' });
    // An explicit level narrows the 重大/越级 chip.
    expect(filterOf('chips=major&level=overlevel')).toEqual({ level: ['overlevel'] });
    // The breached chip wins over a deadline view.
    expect(filterOf('chips=breached&deadline=approaching').deadline).toBe('breached');
  });

  it('lists the active filters as chips; removing one keeps the others', () => {
    const p = new URLSearchParams('status=new&dept=网络部&rf=1&rt=2&chips=open&q=138');
    expect(activeParams(p)).toEqual(['status', 'dept', 'range']);
    const without = new URLSearchParams(withoutParam(p, 'range').split('?')[1]);
    expect(Object.fromEntries(without)).toEqual({ status: 'new', dept: '网络部', chips: 'open', q: '138' });
  });

  it('adds a code to a list in the codes’ order, once', () => {
    expect(addCode(['responded'], 'new', ['new', 'accepted', 'responded'])).toBe('new,responded');
    expect(addCode(['new'], 'new', ['new', 'accepted'])).toBe('new');
  });
});

describe('the list opened from a report chart', () => {
  const state = { month: '2026-11', from: '2026-11-01', to: '2026-11-30', district: null, channel: null, categoryId: null, department: null, assigneeId: null };
  const opened = (seg: Segment) => new URLSearchParams(drillHref(state, zone, seg).split('?')[1]);

  it('leaves demo tickets out as the report did, and the list asks the server for that', () => {
    const p = opened({ department: '网络部' });
    expect(p.get('nodemo')).toBe('1');
    expect(filterOf(p.toString())).toMatchObject({ department: '网络部', notDemo: true, receivedFrom: Date.parse('2026-10-31T16:00:00Z'), receivedTo: Date.parse('2026-11-30T16:00:00Z') });
    // The list's own filters never set it: the working list shows demo tickets.
    expect(filterOf('dept=网络部&rf=1&rt=2').notDemo).toBeUndefined();
  });
});
