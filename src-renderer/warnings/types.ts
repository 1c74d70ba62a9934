/** The 预警 page's shapes, from the contract. */
import type { OutputOf } from '../api/types';

export type WarningRow = OutputOf<'warnings/list'>[number];
export type WarningDetail = OutputOf<'warnings/get'>;
export type WarningReport = OutputOf<'warnings/report'>;
export type CategorySeries = OutputOf<'warnings/chart'>[number];
export type WarningSettings = OutputOf<'warnings/settings'>;
