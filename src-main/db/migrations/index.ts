/**
 * Every migration, in order. A migration is never edited once released: a
 * change to the schema is a new file with the next number.
 */
import * as m0001 from './0001_init';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, ...m0001 }];

export const LATEST_VERSION = MIGRATIONS.length;
