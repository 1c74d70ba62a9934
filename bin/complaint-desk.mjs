#!/usr/bin/env node
// Runs the CLI straight from the TypeScript sources (tsx), so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/index.ts');
