/**
 * What verification concludes from what it found in a bundle: the manifest
 * (parsed), each file's computed hash and size, and whether the signature
 * held. Reading the zip and hashing are the caller's; the rules are here, so
 * the console's verify command and headquarters' receiver judge alike.
 */
import type { Manifest } from './manifest';
import { MANIFEST_FILE, SIGNATURE_FILE } from './tables';

export type Problem =
  | { code: 'not_a_zip'; detail: string }
  | { code: 'too_large'; detail: string }
  | { code: 'manifest_missing' }
  | { code: 'manifest_invalid'; detail: string }
  | { code: 'signature_missing' }
  | { code: 'signature_invalid' }
  | { code: 'key_mismatch'; expected: string; found: string }
  | { code: 'file_missing'; path: string }
  | { code: 'file_extra'; path: string }
  | { code: 'file_changed'; path: string; expected: string; found: string }
  | { code: 'file_size'; path: string; expected: number; found: number };

export interface FoundFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** Every listed file present with its hash and size; nothing present that is not listed. */
export function compareFiles(manifest: Manifest, found: readonly FoundFile[]): Problem[] {
  const problems: Problem[] = [];
  const byPath = new Map(found.map((f) => [f.path, f]));
  for (const f of manifest.files) {
    const got = byPath.get(f.path);
    if (!got) {
      problems.push({ code: 'file_missing', path: f.path });
      continue;
    }
    if (got.sha256 !== f.sha256) problems.push({ code: 'file_changed', path: f.path, expected: f.sha256, found: got.sha256 });
    else if (got.bytes !== f.bytes) problems.push({ code: 'file_size', path: f.path, expected: f.bytes, found: got.bytes });
  }
  const listed = new Set([...manifest.files.map((f) => f.path), MANIFEST_FILE, SIGNATURE_FILE]);
  for (const f of found) if (!listed.has(f.path)) problems.push({ code: 'file_extra', path: f.path });
  return problems;
}

/** One line per problem, for people (the JSON keeps the codes). */
export function describeProblem(p: Problem, locale: 'zh-CN' | 'en'): string {
  const en = locale === 'en';
  switch (p.code) {
    case 'not_a_zip':
      return en ? `Not a readable zip bundle: ${p.detail}` : `不是可读取的 zip 上报包：${p.detail}`;
    case 'too_large':
      return en ? `Refused: ${p.detail}` : `已拒绝：${p.detail}`;
    case 'manifest_missing':
      return en ? 'manifest.json is missing.' : '缺少 manifest.json。';
    case 'manifest_invalid':
      return en ? `manifest.json is not valid: ${p.detail}` : `manifest.json 无效：${p.detail}`;
    case 'signature_missing':
      return en ? 'manifest.sig (the signature) is missing.' : '缺少签名文件 manifest.sig。';
    case 'signature_invalid':
      return en ? 'The signature does not match manifest.json: it was changed or signed by another key.' : '签名与 manifest.json 不符：内容被改动，或由其他密钥签名。';
    case 'key_mismatch':
      return en
        ? `Signed by key ${p.found.slice(0, 16)}…, not the expected ${p.expected.slice(0, 16)}….`
        : `签名密钥为 ${p.found.slice(0, 16)}…，不是预期的 ${p.expected.slice(0, 16)}…。`;
    case 'file_missing':
      return en ? `${p.path} is listed in the manifest but missing.` : `清单列出的 ${p.path} 不存在。`;
    case 'file_extra':
      return en ? `${p.path} is in the bundle but not in the manifest.` : `${p.path} 不在清单中，却出现在上报包里。`;
    case 'file_changed':
      return en ? `${p.path} was changed (SHA-256 differs).` : `${p.path} 已被改动（SHA-256 不符）。`;
    case 'file_size':
      return en ? `${p.path} has ${p.found} bytes, the manifest says ${p.expected}.` : `${p.path} 大小为 ${p.found} 字节，清单记录为 ${p.expected}。`;
  }
}
