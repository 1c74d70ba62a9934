/**
 * `export --month YYYY-MM --out DIR [--reason TEXT]`: the month's signed bundle
 * for headquarters. The signing key and the archive of every revision live in
 * the database's folder.
 */
import path from 'node:path';
import type { ExportResult } from '../../services/export/export-month';
import { UsageError, type Command, type CommandEnv } from '../command';
import { withContext } from '../open-context';

function keyNotice(r: ExportResult, env: CommandEnv): string | null {
  const zh = env.locale === 'zh-CN';
  if (r.keyNotice?.kind === 'created') {
    return zh
      ? `已创建本分公司的签名密钥，指纹 ${r.keyFingerprint}。请用 "complaint-desk key" 导出公钥交总部登记。`
      : `Created the branch's signing key, fingerprint ${r.keyFingerprint}. Give headquarters its public key ("complaint-desk key").`;
  }
  if (r.keyNotice?.kind === 'replaced_lost') {
    return zh
      ? `原签名密钥文件已丢失（指纹 ${r.keyNotice.previousFingerprint}），已生成新密钥（指纹 ${r.keyFingerprint}）。总部须登记新公钥后才能验证此上报包。`
      : `The signing key file was missing (fingerprint ${r.keyNotice.previousFingerprint}); a new key was made (fingerprint ${r.keyFingerprint}). Headquarters must register the new public key before it can verify this bundle.`;
  }
  return null;
}

export const exportCommand: Command = {
  name: 'export',
  summary: "write a month's signed bundle for headquarters (月度上报)",
  usage: 'export --month YYYY-MM --out DIR [--reason TEXT]',
  options: { month: { type: 'string' }, out: { type: 'string' }, reason: { type: 'string' } },
  run: async (env) => {
    const { month, out, reason } = env.values as Record<string, string | undefined>;
    if (!month || !out) throw new UsageError('give --month YYYY-MM and --out DIR');
    // Loaded when used: the bundle code brings exceljs and the zip libraries, which other commands need not pay for at start-up.
    const { exportMonthBundle } = await import('../../services/export/export-month');
    const result = await withContext(env, (ctx) =>
      exportMonthBundle(ctx, { month, outDir: out, reason, dataDir: path.dirname(env.dbPath) }),
    );
    const notice = keyNotice(result, env);
    if (notice) env.say(notice);
    if (result.draft) env.say(env.locale === 'zh-CN' ? `${month} 尚未结束：本包为草稿（draft）。` : `${month} is not over yet: this bundle is a draft.`);
    return result;
  },
  human: (r: ExportResult) =>
    [
      `${r.path}`,
      `revision ${r.revision}${r.draft ? ' (draft)' : ''}${r.unchanged ? ' — data unchanged, same bundle as before' : ''}`,
      `sha256 ${r.sha256}`,
      ...Object.entries(r.rowCounts).map(([f, n]) => `  ${f}\t${n} rows`),
    ].join('\n'),
};
