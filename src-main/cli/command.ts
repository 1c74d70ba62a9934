/** What a CLI command is: its name, its options and what it does. */
import type { ParseArgsConfig } from 'node:util';
import type { Locale } from '../core/messages';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandEnv {
  /** --db, then COMPLAINT_DESK_DB, then the desktop app's own database. */
  dbPath: string;
  json: boolean;
  locale: Locale;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** Human-readable lines go to stderr in --json mode, so stdout holds one JSON document. */
  say(line: string): void;
  now(): number;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  /** How many positional arguments the command takes at most (default none): more is a usage error. */
  positionals?: number;
  /** Returns the value printed with --json (or undefined for long-running commands); throws to fail. */
  run(env: CommandEnv): Promise<unknown>;
  /** Plain-text rendering of the result when --json is not given. */
  human?(result: never, env: CommandEnv): string;
}

/** A usage error: wrong or missing arguments (exit code 2). */
export class UsageError extends Error {}

export function intOption(env: CommandEnv, name: string, fallback?: number): number | undefined {
  const raw = env.values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || !Number.isSafeInteger(n)) {
    throw new UsageError(`--${name} needs a whole number, got "${String(raw)}"`);
  }
  return n;
}
