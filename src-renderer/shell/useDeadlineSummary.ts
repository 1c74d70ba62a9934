export { useDeadlineSummary } from '../state/deadlineSummary';
