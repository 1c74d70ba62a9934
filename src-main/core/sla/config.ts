import type { SlaRule } from './policy';
import type { BusinessCalendar } from './calendar';
import type { AlertSettings } from './alerts';

/** Everything that decides a ticket's deadlines, as one value. */
export interface SlaConfig {
  rules: SlaRule[];
  calendar: BusinessCalendar;
  alerts: AlertSettings;
  pauseOnPending: boolean;
  /** Parent of every sub-category, for rules that name a top-level category. */
  parentOf: ReadonlyMap<number, number | null>;
}
