/** The sentence a use case refuses with, in the reader's language; 'not refused' when it went through. */
import { DomainError } from '../../src-main/core/errors';
import { messageFor } from '../../src-main/core/messages';

export function refusal(fn: () => unknown, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return messageFor(e, locale);
    throw e;
  }
  return 'not refused';
}
