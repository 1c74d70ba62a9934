/**
 * The console reads its code lists and role checks from the server's own
 * modules (core's vocabularies, the contract's role table through `mayCall`).
 * This test reads every renderer source file and fails where a copy has come
 * back: a list of codes written out again, or a role compared by name. And
 * every action runs through one hook (state/useAction.ts: busy, then the
 * message in the user's language), so no page words a refusal itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CHANNELS, LEVELS, ROLES, SATISFACTIONS, STATUSES } from '../../../src-main/core/enums';
import { REFUND_STATUSES, REFUND_TYPES } from '../../../src-main/core/refunds/types';

const VOCABULARIES: Record<string, readonly string[]> = {
  channels: CHANNELS,
  levels: LEVELS,
  statuses: STATUSES,
  satisfactions: SATISFACTIONS,
  roles: ROLES,
  'refund types': REFUND_TYPES,
  'refund statuses': REFUND_STATUSES,
};

const RENDERER = path.resolve(import.meta.dirname, '../../../src-renderer');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The vocabulary at least two of these codes belong to, if any. */
function listedVocabulary(codes: string[]): string | null {
  for (const [name, vocabulary] of Object.entries(VOCABULARIES)) {
    if (new Set(codes.filter((c) => vocabulary.includes(c))).size >= 2) return name;
  }
  return null;
}

function propertyName(p: ts.ObjectLiteralElementLike): string | null {
  if (!ts.isPropertyAssignment(p)) return null;
  return ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name) ? p.name.text : null;
}

/** A value that only marks or orders a key (`x: true`, `x: 3`): the record is a list in disguise. */
function isMarker(p: ts.ObjectLiteralElementLike): boolean {
  if (!ts.isPropertyAssignment(p)) return false;
  const v = p.initializer;
  return v.kind === ts.SyntaxKind.TrueKeyword || v.kind === ts.SyntaxKind.FalseKeyword || ts.isNumericLiteral(v);
}

/** Each place in the source that copies a code list or checks a role by name. */
export function copiesIn(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.basename(fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isArrayLiteralExpression(node)) {
      const codes = node.elements.filter(ts.isStringLiteral).map((e) => e.text);
      const vocabulary = listedVocabulary(codes);
      if (vocabulary) found.push(`${where(node)} lists ${vocabulary} again`);
    }
    if (ts.isObjectLiteralExpression(node) && node.properties.length > 0 && node.properties.every(isMarker)) {
      const vocabulary = listedVocabulary(node.properties.map(propertyName).filter((n): n is string => n !== null));
      if (vocabulary) found.push(`${where(node)} lists ${vocabulary} again (as keys)`);
    }
    const compared =
      ts.isBinaryExpression(node) &&
      [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(node.operatorToken.kind)
        ? [node.left, node.right]
        : ts.isCaseClause(node)
          ? [node.expression]
          : [];
    for (const side of compared) {
      if (ts.isStringLiteral(side) && (ROLES as readonly string[]).includes(side.text)) found.push(`${where(node)} checks the role '${side.text}' by name (use mayCall)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the renderer keeps no copy of a server rule', () => {
  it('finds a copy when one is written (the check itself can fail)', () => {
    const copy = [
      "const CHANNELS = keys<Channel>({ '10086': true, '10080': true });",
      "const OPEN = ['new', 'accepted'];",
      "const admin = user.role === 'admin';",
      "const RANK = { agent: 0, supervisor: 1 };",
    ].join('\n');
    expect(copiesIn('copy.tsx', copy)).toEqual([
      'copy.tsx:1 lists channels again (as keys)',
      'copy.tsx:2 lists statuses again',
      "copy.tsx:3 checks the role 'admin' by name (use mayCall)",
      'copy.tsx:4 lists roles again (as keys)',
    ]);
    // Labels keyed by code, and a single code compared, are not copies of a list.
    expect(copiesIn('labels.ts', "const L = { new: '新建', closed: '关闭' }; if (s === 'closed') f();")).toEqual([]);
  });

  it('has none in src-renderer', () => {
    const files = sourceFiles(RENDERER);
    expect(files.length).toBeGreaterThan(50);
    const copies = files.flatMap((f) => copiesIn(f, fs.readFileSync(f, 'utf8')));
    expect(copies).toEqual([]);
  }, 60_000); // parses every renderer file: seconds on a loaded machine
});

/** The places that turn a refusal into words: the hook, and the loaders that are not actions (a query, a grid page, the session). */
const WORDS_REFUSALS = ['api/client.ts', 'state/useAction.ts', 'state/useQuery.ts', 'lib/gridPage.ts', 'state/session.tsx'];

describe('the renderer runs every action through useAction', () => {
  it('has no hand-made busy flag or refusal message elsewhere', () => {
    const handMade = sourceFiles(RENDERER)
      .filter((f) => !WORDS_REFUSALS.includes(path.relative(RENDERER, f).split(path.sep).join('/')))
      .filter((f) => /\bmessageOf\(|\bsetBusy\(/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(RENDERER, f));
    expect(handMade).toEqual([]);
  });
});
