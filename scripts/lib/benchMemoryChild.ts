/**
 * Child process of the memory bench: loads a pre-rendered synthetic room (written by the parent, so that
 * rendering does not set the peak), then reports how far the process's resident set rose above its level
 * before the geometry stages ran once. A worker thread samples the RSS every millisecond while the main
 * thread works (the OS's maxRSS is useless here: start-up, not geometry, sets it).
 * Run as: node --expose-gc --import tsx scripts/lib/benchMemoryChild.ts <scene.json>
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { buildScene, type BuildSceneInput } from '../../src/core/build/buildScene';

const path = process.argv[2];
const spec = JSON.parse(readFileSync(path, 'utf8')) as Omit<BuildSceneInput, 'depth' | 'rgb'> & { width: number; height: number };
const depth = { width: spec.width, height: spec.height, data: new Float32Array(readFileSync(`${path}.depth`).buffer.slice(0)) };
const rgb = { width: spec.width, height: spec.height, data: new Uint8Array(readFileSync(`${path}.rgb`)) };
(globalThis as { gc?: () => void }).gc?.();
const shared = new Float64Array(new SharedArrayBuffer(16));
const sampler = new Worker(
  `const { workerData } = require('node:worker_threads');
   const a = new Float64Array(workerData);
   const tick = () => { const r = process.memoryUsage.rss(); if (r > a[0]) a[0] = r; if (a[1] === 0) setTimeout(tick, 1); };
   tick();`,
  { eval: true, workerData: shared.buffer },
);
await new Promise((r) => setTimeout(r, 50));
const before = process.memoryUsage.rss();
shared[0] = before;
const res = buildScene({ ...spec, depth, rgb });
await new Promise((r) => setTimeout(r, 5));
shared[1] = 1;
await sampler.terminate();
console.log(JSON.stringify({ baselineKiB: before / 1024, peakRssGrowthKiB: (shared[0] - before) / 1024, points: res.cloud.count }));
