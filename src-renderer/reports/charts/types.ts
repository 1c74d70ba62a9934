/** The report's shapes as the charts use them (types only, from the contract). */
import type { OutputOf } from '../../api/types';

export type Dashboard = OutputOf<'reports/dashboard'>;
export type Report = Dashboard['report'];
export type Charts = Dashboard['charts'];
export type DailyPoint = Charts['daily'][number];
export type Clock = keyof DailyPoint['breaches'];
export const CLOCKS: readonly Clock[] = ['first_response', 'resolution', 'follow_up'];
