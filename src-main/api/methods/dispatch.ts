/** Contract methods of dispatch proposals (智能派单): propose for a text, and the measure of proposals taken. */
import { method } from '../define';
import * as s from '../schemas';
import type { DispatchProposal, DispatchStats, RecordedProposal } from '../../services/dispatch';

export const dispatchMethods = {
  /** The categories and departments the branch's settled tickets suggest for this text, with the n-grams that decided. */
  'dispatch/propose': method<DispatchProposal>()('agent', s.dispatchProposeInput),
  /** Proposals made in a range: how many were taken, and how often their tickets were transferred again. */
  'dispatch/stats': method<DispatchStats>()('supervisor', s.dispatchStatsInput),
  /** The proposal recorded when a ticket arrived (registered or imported), with the words that decided; null when none was. */
  'dispatch/recorded': method<RecordedProposal | null>()('agent', s.dispatchRecordedInput),
};
