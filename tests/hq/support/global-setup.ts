/**
 * vitest globalSetup of the `hq` project: one throwaway PostgreSQL cluster for
 * the run (see pg-cluster.ts), stopped and deleted at the end. Each test file
 * makes its own database in it (temp-pg.ts). No PostgreSQL installed is a
 * failure that says how to install it, never a silent skip.
 */
import type { TestProject } from 'vitest/node';
import { startCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    hqCluster: { host: string; port: number; user: string };
  }
}

export default function setup(project: TestProject) {
  const cluster = startCluster({ fast: true });
  project.provide('hqCluster', { host: cluster.host, port: cluster.port, user: cluster.user });
  return () => cluster.stop();
}
