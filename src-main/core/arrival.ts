/**
 * Rules a ticket gets when it arrives, whatever its source (registered in the
 * console or imported from the CRM), so a month of imported tickets counts
 * the same as a month typed in.
 */
import type { Channel, Level, Status } from './enums';

/** 10080 and 12300 complaints went over the branch: over-level by definition, whatever the form or the file says. */
export function levelOnArrival(channel: Channel, level: Level): Level {
  return channel === '10080' || channel === '12300' ? 'overlevel' : level;
}

/** Whether a ticket in this status has been accepted, and so has a first responder (首问负责人). */
export function isAccepted(status: Status): boolean {
  return status !== 'new' && status !== 'voided';
}
