/**
 * Child process of the memory bench: loads a pre-rendered synthetic room (written by the parent, so that
 * rendering does not set the peak), then reports how much the process's peak resident set grew while the
 * geometry stages ran once: an upper bound on their peak memory.
 * Run as: node --expose-gc --import tsx scripts/lib/benchMemoryChild.ts <scene.json>
 */
import { readFileSync } from 'node:fs';
import { buildScene, type BuildSceneInput } from '../../src/core/scene/buildScene';

const path = process.argv[2];
const spec = JSON.parse(readFileSync(path, 'utf8')) as Omit<BuildSceneInput, 'depth' | 'rgb'> & { width: number; height: number };
const depth = { width: spec.width, height: spec.height, data: new Float32Array(readFileSync(`${path}.depth`).buffer.slice(0)) };
const rgb = { width: spec.width, height: spec.height, data: new Uint8Array(readFileSync(`${path}.rgb`)) };
(globalThis as { gc?: () => void }).gc?.();
const before = process.resourceUsage().maxRSS;
const res = buildScene({ ...spec, depth, rgb });
const after = process.resourceUsage().maxRSS;
console.log(JSON.stringify({ baselineKiB: before, peakRssGrowthKiB: after - before, points: res.cloud.count }));
