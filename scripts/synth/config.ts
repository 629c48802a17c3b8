/**
 * What a synthesis run is configured with, and its fingerprint: an item's key is its content hash plus
 * this fingerprint, so changing anything that changes the records (seed, limits, models) makes new keys,
 * while the same config over the same bytes finds the work already done.
 */
import { createHash } from 'node:crypto';
import type { UnitSystem } from '../../src/core/units/length';
import { DATASET_SCHEMA_VERSION } from '../../src/core/synth';
import { dtypeFor, resolveManifest, type Dtype, type ModelEntry, type Preset } from '../../src/pipeline/manifest';

/** Bump when the headless pipeline's output changes for the same inputs and options. */
export const PIPELINE_VERSION = 2; // 2: RGB-D pairs with all-zero depth fail, as in the app

export type DepthScaleName = 'mm' | '256' | '5000';
export const DEPTH_SCALE_METRES: Record<DepthScaleName, number> = { mm: 0.001, '256': 1 / 256, '5000': 1 / 5000 };

export interface ModelChoice {
  /** Models for photos without depth: depth, masks, objects (objects only when a photo has no sidecar). */
  preset: Preset;
  /** Per-role override: `id` or `id:dtype` (the dtype then applies to every sub-model of the role). */
  overrides: Partial<Record<'depth' | 'masks' | 'objects', string>>;
  /** A folder laid out as the Hub serves models (`npm run models:mirror`, or the tiny test models). */
  modelDir?: string;
  /** Base URL of a model host (`?modelHost=` in the app); ignored when modelDir is set. */
  modelHost?: string;
  /** 'cpu' (onnxruntime-node) or 'cuda' where the machine's onnxruntime-node has it. */
  device: 'cpu' | 'cuda';
}

export interface SynthConfig {
  seed: number;
  maxPairs: number;
  phrasings: number;
  units: UnitSystem;
  /** Depth unit of depth PNGs paired with photos in a folder (index entries say their own). */
  depthScale: DepthScaleName;
  models: ModelChoice;
}

export const DEFAULT_CONFIG: SynthConfig = {
  seed: 1,
  maxPairs: 60,
  phrasings: 1,
  units: 'metric',
  depthScale: 'mm',
  models: { preset: 'standard', overrides: {}, device: 'cpu' },
};

/** The manifest entry a role runs with under this config (the preset's, with the override applied). */
export function modelEntry(models: ModelChoice, role: 'depth' | 'masks' | 'objects'): ModelEntry {
  const base = resolveManifest(models.preset)[role];
  const o = models.overrides[role];
  if (!o) return base;
  const [id, dtype] = o.split(':') as [string, Dtype | undefined];
  if (!dtype) return { ...base, id, revision: 'main' };
  const subs = Object.keys(base.dtype.wasm);
  const map = Object.fromEntries(subs.map((s) => [s, dtype]));
  return { ...base, id, revision: 'main', dtype: { webgpuF16: map, webgpu: map, wasm: map } };
}

/** Model ids, revisions and dtypes as they go into the manifest (what produced the photo records). */
export function modelIds(models: ModelChoice): Record<string, { id: string; revision: string; dtype: Record<string, string> }> {
  const out: Record<string, { id: string; revision: string; dtype: Record<string, string> }> = {};
  for (const role of ['objects', 'masks', 'depth'] as const) {
    const e = modelEntry(models, role);
    out[role] = { id: e.id, revision: e.revision, dtype: dtypeFor(e, { kind: 'wasm', shaderF16: false }) };
  }
  return out;
}

/** Everything that changes the records, in a stable order (where the models are served from does not). */
export function fingerprintOf(cfg: SynthConfig): string {
  const stable = {
    pipeline: PIPELINE_VERSION,
    schema: DATASET_SCHEMA_VERSION,
    seed: cfg.seed,
    maxPairs: cfg.maxPairs,
    phrasings: cfg.phrasings,
    units: cfg.units,
    depthScale: cfg.depthScale,
    models: modelIds(cfg.models),
  };
  return createHash('sha256').update(JSON.stringify(stable)).digest('hex').slice(0, 16);
}
