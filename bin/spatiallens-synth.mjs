#!/usr/bin/env node
// `npx spatiallens-synth` from a clone after `npm install`: the TypeScript CLI through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../scripts/synth/cli.ts');
process.exit(await runCli(process.argv.slice(2)));
