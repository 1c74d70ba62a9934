/** A refusal of headquarters' use cases: a code of core/hq/messages.ts, its parameters, and the HTTP status the receiver answers with. */
import { hqMessage, type HqErrorCode } from '../../core/hq/messages';
import type { Locale } from '../../core/messages';

export class HqError extends Error {
  constructor(
    readonly code: HqErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly status = 400,
  ) {
    super(hqMessage(code, params, 'en'));
  }

  messageIn(locale: Locale): string {
    return hqMessage(this.code, this.params, locale);
  }
}
