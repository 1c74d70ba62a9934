import type { Command } from '../command';
import { withContext } from '../open-context';
import { schemaVersion } from '../../db/migrate';

export const init: Command = {
  name: 'init',
  summary: 'create or migrate the database',
  usage: 'init [--db PATH]',
  options: {},
  run: (env) => withContext(env, (ctx) => ({ schemaVersion: schemaVersion(ctx.db) }), { integrity: 'full' }),
  human: (r: { schemaVersion: number }, env) => `${env.dbPath}: schema version ${r.schemaVersion}`,
};
