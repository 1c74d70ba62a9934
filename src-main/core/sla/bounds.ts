/**
 * The bounds of a deadline policy: what the contract's schema refuses and what
 * the settings editor warns of before anything is sent. One source for both.
 */

/** A limit of at most a year, in minutes. */
export const MAX_LIMIT_MIN = 60 * 24 * 365;
/** Working spans per weekday. */
export const MAX_SPANS = 6;
export const MAX_HOLIDAYS = 400;
export const MAX_WORKDAYS = 100;
export const MAX_THRESHOLDS = 5;
export const MAX_RULES = 200;
export const MAX_RULE_ID_LENGTH = 40;
