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
export type Family = 'metric3d' | 'depth-pro' | 'florence2' | 'sam' | 'clip' | 'smolvlm';

/** dtype per sub-model (ONNX file stem, e.g. `model`, `vision_encoder`). */
export type DtypeMap = Record<string, Dtype>;

export interface ModelEntry {
  id: string;
  /** A commit id where a public listing pins one (so the listing and the download agree), else a branch. */
  revision: string;
  family: Family;
  /** WebGPU with `shader-f16`, WebGPU without it, WASM. */
  dtype: { webgpuF16: DtypeMap; webgpu: DtypeMap; wasm: DtypeMap };
  /** Non-ONNX files the loader reads (configs, tokenizer): exactly what Transformers.js requests (tested). */
  files: string[];
  /** Runs on WASM whatever the device (a model whose WebGPU variants would cost far more to download). */
  wasmOnly?: boolean;
  /** Only for a user override whose repo is not in the committed listing: bytes for progress hints. */
  approxBytes?: number;
  note?: string;
}

export type Preset = 'standard' | 'light';
/** `filter` is optional: the scene check is opt-in (Settings); the VLM loads only when a question needs it. */
export type Manifest = Omit<Record<Role, ModelEntry>, 'filter'> & { filter?: ModelEntry; depthAlternatives?: ModelEntry[] };

const same = (d: DtypeMap) => ({ webgpuF16: d, webgpu: d, wasm: d });
const TOKENIZER = ['tokenizer.json', 'tokenizer_config.json'];

/**
 * Metric3D: fp16 (75.8 MB) where the adapter has shader-f16; the fp16 file takes and returns float16
 * (Transformers.js's scripts/float16.py converts with keep_io_types=False; metricDepth.ts reads the
 * session's declared input type and converts both ways). fp32 elsewhere: ORT's CPU kernels lack fp16 for
 * most of its ops.
 */
export const METRIC3D: ModelEntry = {
  id: 'onnx-community/metric3d-vit-small',
  revision: 'ee63b95d92d2f629b3e019e88f57eea7c1e97d4b',
  family: 'metric3d',
  dtype: { webgpuF16: { model: 'fp16' }, webgpu: { model: 'fp32' }, wasm: { model: 'fp32' } },
  files: ['config.json', 'preprocessor_config.json'],
};

export const DEPTH_PRO: ModelEntry = {
  id: 'onnx-community/DepthPro-ONNX',
  revision: '0fb46fadde862e9b7e4e735eed1e99ea69780920',
  family: 'depth-pro',
  dtype: { webgpuF16: { model: 'q4f16' }, webgpu: { model: 'q4' }, wasm: { model: 'q4' } },
  files: ['config.json', 'preprocessor_config.json'],
  note: 'Estimates its own focal length; used when the photo has no EXIF focal length and the user picks it.',
};

/**
 * Florence-2: embeddings as in the official Transformers.js WebGPU example (huggingface/transformers.js-examples
 * florence2-webgpu/src/worker.js: fp16 embed_tokens where shader-f16 exists, else fp32; q4 encoder and decoder).
 * The vision encoder is q4 (81 MB) instead of the example's fp16/fp32 (184/367 MB): the difference decides
 * whether a first photo fits the download budget. `npm run check:models` measures it on real weights.
 * generation_config.json is read by from_pretrained (optional config); there is no processor_config.json.
 */
const FLORENCE2: ModelEntry = {
  id: 'onnx-community/Florence-2-base-ft',
  revision: 'ac17319530e6507327067fbe283be73afdb7a4b4',
  family: 'florence2',
  dtype: {
    webgpuF16: { embed_tokens: 'fp16', vision_encoder: 'q4', encoder_model: 'q4', decoder_model_merged: 'q4' },
    webgpu: { embed_tokens: 'fp32', vision_encoder: 'q4', encoder_model: 'q4', decoder_model_merged: 'q4' },
    wasm: { embed_tokens: 'fp32', vision_encoder: 'q4', encoder_model: 'q4', decoder_model_merged: 'q4' },
  },
  files: ['config.json', 'generation_config.json', 'preprocessor_config.json', ...TOKENIZER],
};

/**
 * SlimSAM at the `boxes` branch, whose decoder takes input_boxes. That branch has fp32 and q8
 * (`_quantized`) files only; `main` has fp16 but its decoder ignores boxes. q8 (14 MB instead of 40 MB) on
 * WASM on every device: SlimSAM-77 is small enough that the CPU is not the bottleneck, the smaller files
 * are what fits a first photo into the download budget, and int8 kernels on WebGPU are reported to give
 * wrong output (huggingface/transformers.js#1317), so q8 is never sent there.
 */
const SLIMSAM: ModelEntry = {
  id: 'Xenova/slimsam-77-uniform',
  revision: 'boxes',
  family: 'sam',
  dtype: same({ vision_encoder: 'q8', prompt_encoder_mask_decoder: 'q8' }),
  wasmOnly: true,
  files: ['config.json', 'preprocessor_config.json'],
  note: 'Needs a decoder export that takes input_boxes; box-only calls also pass padding points (label -10).',
};

/**
 * The scene check only ever warns, so it is opt-in (Settings) and runs CLIP q8 (154 MB) on WASM on every
 * device: the WebGPU variants would download 304 MB (fp16) or 606 MB (fp32) for a warning.
 */
const CLIP: ModelEntry = {
  id: 'Xenova/clip-vit-base-patch32',
  revision: '4c1807b705b1d015fb032789cc4d221b23025a6f',
  family: 'clip',
  dtype: same({ model: 'q8' }),
  wasmOnly: true,
  files: ['config.json', 'preprocessor_config.json', ...TOKENIZER],
};

/**
 * SmolVLM as in the official Transformers.js example (huggingface/transformers.js-examples
 * smolvlm-webgpu/src/worker.js: dtype "fp32" for every sub-model, repetition_penalty 1.1): reduced-precision
 * variants have a history of wrong output on WebGPU (transformers.js#1205, #1317, #1728). Loaded only when a
 * question needs it, after the person has seen its size.
 */
const SMOLVLM: ModelEntry = {
  id: 'HuggingFaceTB/SmolVLM-256M-Instruct',
  revision: 'acc054744d60adea9d88214dab6e2219e6e512a7',
  family: 'smolvlm',
  dtype: same({ vision_encoder: 'fp32', embed_tokens: 'fp32', decoder_model_merged: 'fp32' }),
  files: ['config.json', 'generation_config.json', 'preprocessor_config.json', 'processor_config.json', ...TOKENIZER],
  note: 'Loaded only when a question needs it.',
};

export const PRESETS: Record<Preset, Manifest & { filter: ModelEntry }> = {
  standard: { depth: METRIC3D, objects: FLORENCE2, masks: SLIMSAM, filter: CLIP, vlm: SMOLVLM, depthAlternatives: [DEPTH_PRO] },
  light: {
    // The same photo pipeline; a VLM less than half the size: the 4-bit decoder with fp32 activations
    // (87 MB instead of 541 MB). Not the all-q4f16 variant reported to give garbage on WebGPU.
    depth: METRIC3D,
    objects: FLORENCE2,
    masks: SLIMSAM,
    filter: CLIP,
    vlm: { ...SMOLVLM, dtype: same({ vision_encoder: 'fp32', embed_tokens: 'fp32', decoder_model_merged: 'q4' }) },
  },
};

export interface DeviceCaps {
  kind: DeviceKind;
  shaderF16: boolean;
}

/** dtype per sub-model for this device: `shader-f16` decides fp16 vs fp32 on WebGPU. */
export function dtypeFor(entry: ModelEntry, caps: DeviceCaps): DtypeMap {
  if (caps.kind === 'wasm' || entry.wasmOnly) return entry.dtype.wasm;
  return caps.shaderF16 ? entry.dtype.webgpuF16 : entry.dtype.webgpu;
}

/**
 * The files the loader requests for this entry on this device: its non-ONNX files and one
 * `onnx/<sub-model><suffix>.onnx` per sub-model. Transformers.js 4.3.1 names files this way (session.js
 * getSession: the dtype map is keyed by the file's base name, DEFAULT_DTYPE_SUFFIX_MAPPING gives the suffix);
 * hubListings.test.ts records what the real loader requests and checks it equals this list.
 */
export function requestedFiles(entry: ModelEntry, caps: DeviceCaps): string[] {
  const onnx = Object.entries(dtypeFor(entry, caps)).map(([sub, dt]) => `onnx/${sub}${DTYPE_SUFFIX[dt]}.onnx`);
  return [...entry.files, ...onnx];
}

export const DEVICE_VARIANTS: Record<keyof ModelEntry['dtype'], DeviceCaps> = {
  webgpuF16: { kind: 'webgpu', shaderF16: true },
  webgpu: { kind: 'webgpu', shaderF16: false },
  wasm: { kind: 'wasm', shaderF16: false },
};

/** Every file of an entry across all device variants (what a self-hosted mirror must hold). */
export function filesOf(entry: ModelEntry): string[] {
  const all = new Set<string>();
  for (const caps of Object.values(DEVICE_VARIANTS)) for (const f of requestedFiles(entry, caps)) all.add(f);
  return [...entry.files, ...[...all].filter((f) => !entry.files.includes(f)).sort()];
}

export function entriesOf(m: Manifest): ModelEntry[] {
  const roles: Role[] = ['filter', 'objects', 'masks', 'depth', 'vlm'];
  return [...roles.flatMap((r) => (m[r] ? [m[r]] : [])), ...(m.depthAlternatives ?? [])];
}

/** The device a model actually runs on (a wasmOnly model stays on WASM). */
export function capsFor(entry: ModelEntry, caps: DeviceCaps): DeviceCaps {
  return entry.wasmOnly ? { kind: 'wasm', shaderF16: false } : caps;
}

const DtypeSchema = v.picklist(Object.keys(DTYPE_SUFFIX) as Dtype[]);
const EntrySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[\w.-]+\/[\w.-]+$/)),
  revision: v.string(),
  family: v.picklist(['metric3d', 'depth-pro', 'florence2', 'sam', 'clip', 'smolvlm']),
  dtype: v.object({
    webgpuF16: v.record(v.string(), DtypeSchema),
    webgpu: v.record(v.string(), DtypeSchema),
    wasm: v.record(v.string(), DtypeSchema),
  }),
  files: v.array(v.string()),
  wasmOnly: v.optional(v.boolean()),
  approxBytes: v.optional(v.number()),
  note: v.optional(v.string()),
});

/** Validates a user-supplied override for one role (settings / a lab's own manifest). */
export function parseEntry(value: unknown): ModelEntry {
  return v.parse(EntrySchema, value) as ModelEntry;
}

/** `sceneCheck`: include the opt-in scene filter. */
export function resolveManifest(preset: Preset, overrides: Partial<Record<Role, ModelEntry>> = {}, opts: { sceneCheck?: boolean } = {}): Manifest {
  const { filter, ...rest } = { ...PRESETS[preset], ...overrides };
  return opts.sceneCheck ? { ...rest, filter } : rest;
}
