#!/usr/bin/env node
// `npm run hq -- <command>`: headquarters' PostgreSQL side (src-main/hq), run from the TypeScript sources (tsx).
import { register } from 'tsx/esm/api';

register();
await import('../src-main/hq/cli/index.ts');
