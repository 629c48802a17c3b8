/**
 * The model manifest: which model plays each role, at which revision, with which dtype per device and
 * sub-model, and roughly how much it downloads. One file so a lab can review (and mirror) exactly what
 * the app fetches. Sizes are approximate (from the Hub's file listings) and only drive progress hints.
 */
import * as v from 'valibot';

export type Role = 'depth' | 'objects' | 'masks' | 'filter' | 'vlm';
export type DeviceKind = 'webgpu' | 'wasm';
/** Transformers.js dtype names; each maps to an ONNX file suffix (see DTYPE_SUFFIX). */
export type Dtype = 'fp32' | 'fp16' | 'q8' | 'q4' | 'q4f16' | 'int8' | 'uint8' | 'bnb4';

export const DTYPE_SUFFIX: Record<Dtype, string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  q4: '_q4',
  q4f16: '_q4f16',
  int8: '_int8',
  uint8: '_uint8',
  bnb4: '_bnb4',
};

/** What runs the model: decides the loader and the post-processing. */
export type Family = 'metric3d' | 'depth-pro' | 'florence2' | 'sam' | 'sam2' | 'clip' | 'siglip' | 'smolvlm';

/** dtype per sub-model (ONNX file stem, e.g. `model`, `vision_encoder`). */
export type DtypeMap = Record<string, Dtype>;

export interface ModelEntry {
  id: string;
  revision: string;
  family: Family;
  /** WebGPU with `shader-f16`, WebGPU without it, WASM. */
  dtype: { webgpuF16: DtypeMap; webgpu: DtypeMap; wasm: DtypeMap };
  /** Non-ONNX files the loader reads (configs, tokenizer). */
  files: string[];
  approxBytes: number;
  note?: string;
}

export type Preset = 'standard' | 'light';
export type Manifest = Record<Role, ModelEntry> & { depthAlternatives?: ModelEntry[] };

const MB = 1_000_000;
const same = (d: DtypeMap) => ({ webgpuF16: d, webgpu: d, wasm: d });
const TOKENIZER = ['tokenizer.json', 'tokenizer_config.json'];

export const METRIC3D: ModelEntry = {
  id: 'onnx-community/metric3d-vit-small',
  revision: 'main',
  family: 'metric3d',
  dtype: { webgpuF16: { model: 'fp16' }, webgpu: { model: 'fp32' }, wasm: { model: 'fp32' } },
  files: ['config.json', 'preprocessor_config.json'],
  approxBytes: 151 * MB,
};

export const DEPTH_PRO: ModelEntry = {
  id: 'onnx-community/DepthPro-ONNX',
  revision: 'main',
  family: 'depth-pro',
  dtype: { webgpuF16: { model: 'q4f16' }, webgpu: { model: 'q4' }, wasm: { model: 'q4' } },
  files: ['config.json', 'preprocessor_config.json'],
  approxBytes: 746 * MB,
  note: 'Estimates its own focal length; used when the photo has no EXIF focal length and the user picks it.',
};

const FLORENCE2: ModelEntry = {
  id: 'onnx-community/Florence-2-base-ft',
  revision: 'main',
  family: 'florence2',
  // As in the official Transformers.js WebGPU example: fp16/fp32 vision + embeddings, q4 encoder/decoder.
  dtype: {
    webgpuF16: { embed_tokens: 'fp16', vision_encoder: 'fp16', encoder_model: 'q4', decoder_model_merged: 'q4' },
    webgpu: { embed_tokens: 'fp32', vision_encoder: 'fp32', encoder_model: 'q4', decoder_model_merged: 'q4' },
    wasm: { embed_tokens: 'fp32', vision_encoder: 'fp32', encoder_model: 'q4', decoder_model_merged: 'q4' },
  },
  files: ['config.json', 'generation_config.json', 'preprocessor_config.json', 'processor_config.json', ...TOKENIZER],
  approxBytes: 420 * MB,
};

const SLIMSAM: ModelEntry = {
  id: 'Xenova/slimsam-77-uniform',
  revision: 'boxes',
  family: 'sam',
  dtype: {
    webgpuF16: { vision_encoder: 'fp16', prompt_encoder_mask_decoder: 'fp32' },
    webgpu: { vision_encoder: 'fp32', prompt_encoder_mask_decoder: 'fp32' },
    wasm: { vision_encoder: 'q8', prompt_encoder_mask_decoder: 'q8' },
  },
  files: ['config.json', 'preprocessor_config.json'],
  approxBytes: 40 * MB,
  note: 'Needs a decoder export that takes input_boxes; box-only calls also pass padding points (label -10).',
};

const CLIP: ModelEntry = {
  id: 'Xenova/clip-vit-base-patch32',
  revision: 'main',
  family: 'clip',
  dtype: { webgpuF16: { model: 'fp16' }, webgpu: { model: 'fp32' }, wasm: { model: 'q8' } },
  files: ['config.json', 'preprocessor_config.json', ...TOKENIZER],
  approxBytes: 152 * MB,
};

const SMOLVLM: ModelEntry = {
  id: 'HuggingFaceTB/SmolVLM-256M-Instruct',
  revision: 'main',
  family: 'smolvlm',
  dtype: {
    webgpuF16: { vision_encoder: 'q4f16', embed_tokens: 'q4f16', decoder_model_merged: 'q4f16' },
    webgpu: { vision_encoder: 'fp32', embed_tokens: 'q4', decoder_model_merged: 'q4' },
    wasm: { vision_encoder: 'fp32', embed_tokens: 'q4', decoder_model_merged: 'q4' },
  },
  files: ['config.json', 'generation_config.json', 'preprocessor_config.json', 'processor_config.json', 'chat_template.json', ...TOKENIZER],
  approxBytes: 260 * MB,
  note: 'Loaded only when a question needs it.',
};

export const PRESETS: Record<Preset, Manifest> = {
  standard: { depth: METRIC3D, objects: FLORENCE2, masks: SLIMSAM, filter: CLIP, vlm: SMOLVLM, depthAlternatives: [DEPTH_PRO] },
  light: {
    // Quantised everywhere: smaller downloads, slightly worse geometry.
    depth: { ...METRIC3D, dtype: { webgpuF16: { model: 'fp16' }, webgpu: { model: 'fp32' }, wasm: { model: 'fp16' } }, approxBytes: 76 * MB },
    objects: FLORENCE2,
    masks: { ...SLIMSAM, dtype: same({ vision_encoder: 'q8', prompt_encoder_mask_decoder: 'q8' }), approxBytes: 12 * MB },
    filter: { ...CLIP, dtype: same({ model: 'q8' }), approxBytes: 90 * MB },
    vlm: { ...SMOLVLM, dtype: same({ vision_encoder: 'q4', embed_tokens: 'q4', decoder_model_merged: 'q4' }) },
  },
};

export interface DeviceCaps {
  kind: DeviceKind;
  shaderF16: boolean;
}

/** dtype per sub-model for this device: `shader-f16` decides fp16 vs fp32 on WebGPU. */
export function dtypeFor(entry: ModelEntry, caps: DeviceCaps): DtypeMap {
  if (caps.kind === 'wasm') return entry.dtype.wasm;
  return caps.shaderF16 ? entry.dtype.webgpuF16 : entry.dtype.webgpu;
}

/** Every file of an entry across all device variants (what a self-hosted mirror must hold). */
export function filesOf(entry: ModelEntry): string[] {
  const onnx = new Set<string>();
  for (const map of [entry.dtype.webgpuF16, entry.dtype.webgpu, entry.dtype.wasm]) {
    for (const [sub, dt] of Object.entries(map)) onnx.add(`onnx/${sub}${DTYPE_SUFFIX[dt]}.onnx`);
  }
  return [...entry.files, ...[...onnx].sort()];
}

export function entriesOf(m: Manifest): ModelEntry[] {
  const roles: Role[] = ['filter', 'objects', 'masks', 'depth', 'vlm'];
  return [...roles.map((r) => m[r]), ...(m.depthAlternatives ?? [])];
}

const DtypeSchema = v.picklist(Object.keys(DTYPE_SUFFIX) as Dtype[]);
const EntrySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[\w.-]+\/[\w.-]+$/)),
  revision: v.string(),
  family: v.picklist(['metric3d', 'depth-pro', 'florence2', 'sam', 'sam2', 'clip', 'siglip', 'smolvlm']),
  dtype: v.object({
    webgpuF16: v.record(v.string(), DtypeSchema),
    webgpu: v.record(v.string(), DtypeSchema),
    wasm: v.record(v.string(), DtypeSchema),
  }),
  files: v.array(v.string()),
  approxBytes: v.number(),
  note: v.optional(v.string()),
});

/** Validates a user-supplied override for one role (settings / a lab's own manifest). */
export function parseEntry(value: unknown): ModelEntry {
  return v.parse(EntrySchema, value) as ModelEntry;
}

export function resolveManifest(preset: Preset, overrides: Partial<Record<Role, ModelEntry>> = {}): Manifest {
  return { ...PRESETS[preset], ...overrides };
}
