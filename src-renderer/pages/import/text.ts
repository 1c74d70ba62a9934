/**
 * The import page's strings in the current language. They live in their own
 * files (i18n/import.*.ts) so this page needs no edit of the shared resources;
 * once merged under `import` in zh-CN.ts/en.ts, `t('import.…')` works as well.
 */
import { useTranslation } from 'react-i18next';
import { importEn } from '../../i18n/import.en';
import { importZhCN } from '../../i18n/import.zh-CN';

export type ImportText = typeof importEn;

export function useImportText(): ImportText {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? importEn : importZhCN;
}

/** Fill {{name}} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}
