/** Without PostgreSQL's server binaries the headquarters tests fail with the install command, never skip. */
import { afterEach, describe, expect, it } from 'vitest';
import { INSTALL_HINT, findPgBinDir, startCluster } from '../hq/support/pg-cluster';

const saved = process.env.PG_BINDIR;
afterEach(() => {
  if (saved === undefined) delete process.env.PG_BINDIR;
  else process.env.PG_BINDIR = saved;
});

describe('the throwaway cluster', () => {
  it('says how to install PostgreSQL when initdb is nowhere to be found', () => {
    process.env.PG_BINDIR = '/nonexistent/postgresql/bin';
    expect(findPgBinDir()).toBeNull();
    expect(() => startCluster()).toThrow(INSTALL_HINT);
    expect(INSTALL_HINT).toContain('sudo apt-get install -y postgresql');
  });
});
