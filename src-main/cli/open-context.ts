import { openDatabase, type OpenOptions } from '../db/open';
import { createContext, type ServiceContext } from '../services/context';
import { repairMissingClocks } from '../services/repair';
import { syncShippedKnowledge } from '../services/knowledge/shipped';
import type { CommandEnv } from './command';

/**
 * Open the database for one command (creating and migrating it if new) and
 * close it afterwards whatever happens. Short commands skip the full integrity
 * scan, which on a large file costs seconds; `check` and hosts run it.
 */
export async function withContext<T>(
  env: CommandEnv,
  fn: (ctx: ServiceContext) => Promise<T> | T,
  opts: OpenOptions = { integrity: 'skip' },
): Promise<T> {
  const db = openDatabase(env.dbPath, opts);
  try {
    const ctx = createContext(db, env.now);
    ctx.categories.seedDefaults();
    syncShippedKnowledge(ctx);
    // Tickets an older console left without clocks get them before any command reads deadlines.
    repairMissingClocks(ctx);
    return await fn(ctx);
  } finally {
    db.close();
  }
}
