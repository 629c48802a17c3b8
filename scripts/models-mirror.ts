/**
 * npm run models:mirror -- <dir> [--preset standard|light] [--host <url>] [--timeout <ms>]
 * Downloads every file of the manifest into <dir>, laid out for self-hosting; serve <dir> and open the app
 * with ?modelHost=<url of dir> (or set it in Settings).
 */
import { resolve } from 'node:path';
import { PRESETS, type Preset } from '../src/pipeline/manifest';
import { mirrorModels, MirrorError } from './lib/mirror';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const dir = positional[0];
if (!dir) {
  console.error('usage: npm run models:mirror -- <dir> [--preset standard|light] [--host <url>] [--timeout <ms>]');
  process.exit(64);
}
const preset = (arg('preset') ?? 'standard') as Preset;
if (!(preset in PRESETS)) {
  console.error(`unknown preset "${preset}" (standard or light)`);
  process.exit(64);
}
try {
  const out = resolve(dir);
  console.log(`mirroring the ${preset} preset into ${out}`);
  const r = await mirrorModels({ dir: out, manifest: PRESETS[preset], host: arg('host'), timeoutMs: Number(arg('timeout') ?? 10_000), log: console.log });
  console.log(`done: ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB downloaded. Serve ${out} and open the app with ?modelHost=<its URL>.`);
} catch (e) {
  if (e instanceof MirrorError) {
    console.error(`models:mirror: ${e.message}`);
    process.exit(e.exitCode);
  }
  throw e;
}
