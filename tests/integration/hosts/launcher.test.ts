/**
 * The CLI as a user runs it: bin/complaint-desk.mjs bundles the sources and
 * Node loads the bundle as ES modules, importing every package the bundle
 * leaves external the way Node does (not as vitest's resolver does). A package
 * whose CommonJS build names nothing Node can import by name broke every
 * command, `serve` included, while the tests run in vitest all passed.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the launcher', () => {
  it('loads the whole bundle and prints its usage', () => {
    const out = execFileSync(process.execPath, ['bin/complaint-desk.mjs', '--help'], { encoding: 'utf8', timeout: 120_000 });
    expect(out).toMatch(/^Usage: complaint-desk <command>/);
    expect(out).toContain('serve');
  }, 150_000);
});
