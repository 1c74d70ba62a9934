#!/usr/bin/env node
/**
 * `npm test`: everything a change must pass, in the order that fails fastest
 * to explain — typecheck, lint, unit + integration tests, the web renderer
 * build, then the end-to-end tests in Chromium. Every step runs even if an
 * earlier one failed (except e2e, which needs the build and a browser), so
 * one run shows all that is wrong.
 *
 * Ends with one line, `N passed, N failed`: tests summed over the vitest runs
 * (from vitest's JSON reporter, next to its usual console output), plus one
 * failure for each step that failed outside a test (typecheck, lint, build,
 * no browser, a test file that could not load). Exit code 0 only if N failed
 * is 0.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const isWindows = process.platform === 'win32';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'complaint-desk-test-'));

const totals = { passed: 0, failed: 0 };
const failedSteps = [];

function banner(title) {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}`);
}

/** Run a command with the console attached; true when it exits 0. */
function run(title, command, args, env = {}) {
  banner(title);
  const r = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: isWindows && !command.endsWith('.exe') && command !== process.execPath,
  });
  if (r.error) console.error(r.error.message);
  return r.status === 0;
}

function step(title, ok) {
  if (!ok) {
    failedSteps.push(title);
    totals.failed += 1;
  }
  return ok;
}

function npmRun(script) {
  return run(`npm run ${script}`, 'npm', ['run', '--silent', script]);
}

const vitestBin = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');

/** One vitest run: its default console output, plus a JSON report we add up. */
function vitest(title, projects, env = {}) {
  const report = path.join(work, `${title.replace(/\W+/g, '-')}.json`);
  const args = [vitestBin, 'run', ...projects.flatMap((p) => ['--project', p])];
  args.push('--reporter=default', '--reporter=json', `--outputFile.json=${report}`);
  const ok = run(title, process.execPath, args, env);
  const counted = countReport(report);
  if (!counted) {
    console.error(`vitest wrote no report for "${title}" (it did not get as far as running tests).`);
    return step(title, false);
  }
  totals.passed += counted.passed;
  totals.failed += counted.failed;
  // vitest failed although no test did (an unhandled error, no test files): still a failure.
  if (!ok && counted.failed === 0) return step(title, false);
  if (!ok) failedSteps.push(title);
  return ok;
}

/** Tests passed and failed in a vitest JSON report; a file that failed to load counts as one failure. */
function countReport(file) {
  if (!fs.existsSync(file)) return null;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  let passed = 0;
  let failed = 0;
  for (const suite of report.testResults ?? []) {
    const results = suite.assertionResults ?? [];
    passed += results.filter((a) => a.status === 'passed').length;
    const failedHere = results.filter((a) => a.status === 'failed').length;
    failed += failedHere;
    if (suite.status === 'failed' && failedHere === 0) failed += 1;
  }
  return { passed, failed };
}

/** The Chromium the e2e tests drive: $CHROMIUM_PATH, Debian's, or one playwright-core already has. */
async function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    const { chromium } = await import('playwright-core');
    candidates.push(chromium.executablePath());
  } catch {
    // playwright-core knows of no browser of its own: fine, the others may do.
  }
  return candidates.find((p) => p && fs.existsSync(p)) ?? null;
}

try {
  step('typecheck (tsc -b)', npmRun('typecheck'));
  step('lint (eslint)', npmRun('lint'));
  vitest('unit + integration tests', ['unit', 'integration']);
  // Its own run: it starts a throwaway PostgreSQL cluster, and a machine without PostgreSQL fails here
  // with the install command while the other tests still count.
  vitest('headquarters tests (PostgreSQL)', ['hq']);
  const built = step('web renderer build (vite build --config vite.web.config.ts)', npmRun('build:web'));

  const chromium = await findChromium();
  if (!chromium) {
    banner('e2e tests');
    console.error(
      'No Chromium found for the e2e tests. Install it with:\n\n    sudo apt-get install -y chromium\n\n' +
        'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
    );
    step('e2e tests (no Chromium)', false);
  } else if (!built) {
    banner('e2e tests');
    console.error('Skipped: the web renderer did not build.');
    step('e2e tests (skipped)', false);
  } else {
    vitest('e2e tests', ['e2e'], { CHROMIUM_PATH: chromium });
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

banner('summary');
if (failedSteps.length > 0) console.log(`failed: ${failedSteps.join('; ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed === 0 ? 0 : 1;
