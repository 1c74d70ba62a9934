#!/usr/bin/env node
// Headquarters' reference receiver for branch bundles, run from the TypeScript sources (tsx).
import { register } from 'tsx/esm/api';

register();
await import('../src-main/hosts/receiver/main.ts');
