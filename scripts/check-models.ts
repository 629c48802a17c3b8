/**
 * npm run check:models -- [--model-host <url>] [--preset standard|light] [--device wasm|webgpu|both]
 * Downloads the preset's real weights from the host (the Hub by default, or a mirror made with
 * models:mirror), runs every model in headless Chromium on the four sample scenes and prints depth scale
 * and AbsRel, objects found, mask IoU, the scene check's label, a VLM answer, time and worker memory per model.
 * Exit 1 when a model fails to load or run or the depth scale is outside [0.5, 2]; 2 when the host cannot be
 * reached.
 */
import { checkModelHost, DEFAULT_MODEL_HOST } from './lib/modelHost';
import { checkModels } from './lib/checkModels';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const host = (arg('model-host') ?? process.env.SPATIALLENS_MODEL_HOST ?? DEFAULT_MODEL_HOST).replace(/\/?$/, '/');
const preset = (arg('preset') ?? 'standard') as 'standard' | 'light';
const deviceArg = arg('device') ?? 'both';
if (!['standard', 'light'].includes(preset) || !['wasm', 'webgpu', 'both'].includes(deviceArg)) {
  console.error('usage: npm run check:models -- [--model-host <url>] [--preset standard|light] [--device wasm|webgpu|both]');
  process.exit(64);
}
const reach = await checkModelHost(host, Number(arg('timeout') ?? 5000));
if (!reach.reachable) {
  console.error(
    `check:models: model host ${host} unreachable (${reach.reason}).\n` +
      'Run this on a machine that can reach it, or mirror the models there (npm run models:mirror -- <dir>), serve the folder ' +
      'and pass --model-host <its URL>.',
  );
  process.exit(2);
}
const devices = deviceArg === 'both' ? (['webgpu', 'wasm'] as const) : ([deviceArg] as ('wasm' | 'webgpu')[]);
const rows = await checkModels({ host, preset, devices: [...devices], log: (m) => console.log(m) });
console.log('\n     sample          device        model    time (ms)  worker MB  result');
for (const r of rows) {
  const ms = r.ms === undefined ? '-' : String(Math.round(r.ms));
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.sample.padEnd(15)} ${r.device.padEnd(13)} ${r.role.padEnd(8)} ${ms.padStart(9)}  ${String(r.workerMB ?? '-').padStart(9)}  ${r.detail}`);
}
const failed = rows.filter((r) => !r.ok);
console.log(`\n${rows.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
