/**
 * `key [--out FILE]`: the branch's public signing key and its fingerprint, for
 * headquarters to register (the private key never leaves its file). Before
 * the first export there is no key yet; `key --create` makes one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { currentPublicKey, loadOrCreateKey } from '../../services/export/keys';
import type { Command } from '../command';
import { withContext } from '../open-context';

export const key: Command = {
  name: 'key',
  summary: "show the branch's public signing key and fingerprint",
  usage: 'key [--create] [--out FILE.pem]',
  options: { out: { type: 'string' }, create: { type: 'boolean' } },
  run: (env) =>
    withContext(env, (ctx) => {
      const dataDir = path.dirname(env.dbPath);
      if (env.values.create === true) loadOrCreateKey(ctx, dataDir);
      const info = currentPublicKey(ctx, dataDir);
      if (!info) {
        env.say(env.locale === 'zh-CN' ? '尚无签名密钥：首次上报时自动创建，或使用 --create。' : 'No signing key yet: the first export makes one, or use --create.');
        return { fingerprint: null, publicKeyPem: null, keyFilePresent: false };
      }
      if (!info.keyFilePresent) {
        env.say(
          env.locale === 'zh-CN'
            ? '私钥文件已丢失：下次上报将生成新密钥，总部须重新登记。'
            : 'The private key file is missing: the next export makes a new key, which headquarters must register again.',
        );
      }
      const out = env.values.out as string | undefined;
      if (out) fs.writeFileSync(out, info.publicKeyPem);
      return { fingerprint: info.fingerprint, publicKeyPem: info.publicKeyPem, createdAt: new Date(info.createdAt).toISOString(), keyFilePresent: info.keyFilePresent, ...(out ? { out: path.resolve(out) } : {}) };
    }),
  human: (r: { fingerprint: string | null; publicKeyPem: string | null }) =>
    r.fingerprint ? `fingerprint ${r.fingerprint}\n${r.publicKeyPem}` : 'no key yet',
};
