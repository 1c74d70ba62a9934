/** What the amount field says about what was typed, using the same exact parser as the server (core/money.ts). */
import type { TFunction } from 'i18next';
import { checkYuan } from '../../src-main/core/money';

export function amountFromText(text: string, t: TFunction): { fen: number; error: null } | { fen: null; error: string } {
  const r = checkYuan(text);
  if (!r.ok) return { fen: null, error: t(`refunds.amountError.${r.problem}`) };
  if (r.fen === 0) return { fen: null, error: t('refunds.amountError.zero') };
  return { fen: r.fen, error: null };
}
