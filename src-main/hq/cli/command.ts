/** What every `hq` command gets, and its usage error. */
import fs from 'node:fs';
import type { Locale } from '../../core/messages';
import type { HqPool } from '../db/pool';

export interface HqIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  now: () => number;
}

export class HqUsageError extends Error {}

export interface HqCommandEnv {
  io: HqIO;
  locale: Locale;
  json: boolean;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  pool: () => HqPool;
  /** Print the result: JSON on stdout with --json, else the text on stdout. */
  print: (value: unknown, text: string) => void;
}

export function readKeyFile(file: string): string {
  if (!fs.existsSync(file)) throw new HqUsageError(`No key file at ${file}.`);
  return fs.readFileSync(file, 'utf8');
}
