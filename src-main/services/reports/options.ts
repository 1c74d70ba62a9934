/**
 * What the report and list filters offer: the branch's districts and
 * departments from its kept lists (docs/LISTS.md), retired ones included,
 * and the subscriber count.
 */
import { ListStore } from '../../db/lists';
import type { ServiceContext } from '../context';
import { branchSubscribers } from './settings';

export interface ReportOptions {
  districts: string[];
  departments: string[];
  subscribers: number | null;
}

export function reportOptions(ctx: ServiceContext): ReportOptions {
  // Retired values too: old tickets carry them and a filter must still find those.
  const lists = new ListStore(ctx.db);
  const names = (kind: 'district' | 'department') => lists.values(kind).map((v) => v.name).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { districts: names('district'), departments: names('department'), subscribers: branchSubscribers(ctx) };
}
