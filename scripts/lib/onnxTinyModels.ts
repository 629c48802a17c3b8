/**
 * Tiny stand-ins for the real models, following each one's I/O contract (names, ranks, dtypes) so the
 * real Transformers.js + onnxruntime code path loads and runs them. Their arithmetic is chosen so tests
 * can predict the outputs exactly.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataType, encodeModel, type GraphSpec, type NodeSpec, type TensorSpec } from './onnxProto';

const F = DataType.FLOAT;
const I64 = DataType.INT64;
const F16 = DataType.FLOAT16;

const f32 = (name: string, dims: number[], floats: number[]): TensorSpec => ({ name, dims, dataType: F, floats });
const i64 = (name: string, values: number[]): TensorSpec => ({ name, dims: [values.length], dataType: I64, int64s: values });
const node = (op: string, inputs: string[], outputs: string[], attrs?: NodeSpec['attrs']): NodeSpec => ({ op, inputs, outputs, attrs });

/**
 * Tiny depth: canonical depth = (mean over RGB * SCALE + OFFSET) * (input width / 1064). The RGB values are
 * raw 0..255 (Metric3D normalises inside its graph). The width factor makes the output depend on the input
 * resolution the way the real network's metric scale does: only Metric3D's reference letterbox (1064 wide)
 * gives the plain value, so a preprocessing change shows in the depth (issue: the old 518 resize).
 */
export const TINY_DEPTH = { scale: 0.01, offset: 1, referenceWidth: 1064 } as const;

/**
 * `io`: the element type of pixel_values and predicted_depth. The real model_fp16.onnx takes and returns
 * float16: Transformers.js's scripts/float16.py converts with keep_io_types=False, which retypes the graph's
 * float inputs and outputs (its process_graph_input / process_graph_output).
 */
export function tinyDepthGraph(io: 'float32' | 'float16' = 'float32', widthFactor = true): GraphSpec {
  const half = io === 'float16';
  const x = half ? 'pixel_values_f32' : 'pixel_values';
  const y = half ? 'depth_f32' : 'predicted_depth';
  return {
    name: 'tiny_depth',
    inputs: [{ name: 'pixel_values', elemType: half ? F16 : F, shape: ['batch', 3, 'height', 'width'] }],
    outputs: [{ name: 'predicted_depth', elemType: half ? F16 : F, shape: ['batch', 'height', 'width'] }],
    initializers: [f32('scale', [], [TINY_DEPTH.scale]), f32('offset', [], [TINY_DEPTH.offset]), f32('ref_w', [], [TINY_DEPTH.referenceWidth]), i64('w_axis', [3])],
    nodes: [
      ...(half ? [node('Cast', ['pixel_values'], [x], { to: { kind: 'int', value: F } })] : []),
      node('ReduceMean', [x], ['mean'], { axes: { kind: 'ints', value: [1] }, keepdims: { kind: 'int', value: 0 } }),
      node('Mul', ['mean', 'scale'], ['scaled']),
      node('Add', ['scaled', 'offset'], [widthFactor ? 'canonical' : y]),
      ...(widthFactor
        ? [
            node('Shape', [x], ['shape']),
            node('Gather', ['shape', 'w_axis'], ['w_i64'], { axis: { kind: 'int', value: 0 } }),
            node('Cast', ['w_i64'], ['w_f'], { to: { kind: 'int', value: F } }),
            node('Div', ['w_f', 'ref_w'], ['w_ratio']),
            node('Mul', ['canonical', 'w_ratio'], [y]),
          ]
        : []),
      ...(half ? [node('Cast', [y], ['predicted_depth'], { to: { kind: 'int', value: F16 } })] : []),
    ],
  };
}

/** Tiny DepthPro: the tiny depth graph plus a fixed focal estimate (pixels at DepthPro's 1536 input). */
export const TINY_DEPTH_PRO_FOCAL = 1200;

export function tinyDepthProGraph(): GraphSpec {
  const g = tinyDepthGraph('float32', false);
  return {
    ...g,
    name: 'tiny_depth_pro',
    outputs: [...g.outputs, { name: 'focallength_px', elemType: F, shape: ['batch'] }],
    initializers: [...g.initializers, f32('focal', [1], [TINY_DEPTH_PRO_FOCAL]), f32('zero_f', [], [0])],
    nodes: [
      ...g.nodes,
      // focallength_px[b] = focal (+ 0 * the first pixel, so the output has the batch dimension)
      node('ReduceMean', ['mean'], ['per_batch'], { axes: { kind: 'ints', value: [1, 2] }, keepdims: { kind: 'int', value: 0 } }),
      node('Mul', ['per_batch', 'zero_f'], ['per_batch_zero']),
      node('Add', ['per_batch_zero', 'focal'], ['focallength_px']),
    ],
  };
}

/** SAM vision encoder: pixel_values[b,3,1024,1024] -> image_embeddings, image_positional_embeddings [b,256,64,64]. */
export function tinySamEncoderGraph(): GraphSpec {
  return {
    name: 'tiny_sam_vision_encoder',
    inputs: [{ name: 'pixel_values', elemType: F, shape: ['batch', 3, 1024, 1024] }],
    outputs: [
      { name: 'image_embeddings', elemType: F, shape: ['batch', 256, 64, 64] },
      { name: 'image_positional_embeddings', elemType: F, shape: ['batch', 256, 64, 64] },
    ],
    initializers: [i64('expand_shape', [1, 256, 1, 1]), f32('half', [], [0.5])],
    nodes: [
      node('AveragePool', ['pixel_values'], ['pooled'], { kernel_shape: { kind: 'ints', value: [16, 16] }, strides: { kind: 'ints', value: [16, 16] } }),
      node('ReduceMean', ['pooled'], ['gray'], { axes: { kind: 'ints', value: [1] }, keepdims: { kind: 'int', value: 1 } }),
      node('Expand', ['gray', 'expand_shape'], ['image_embeddings']),
      node('Mul', ['image_embeddings', 'half'], ['image_positional_embeddings']),
    ],
  };
}

/** Mask logits grid: 256x256 cells over SAM's 1024x1024 padded input, cell centres in input pixels. */
const MASK = 256;
const CELL = 1024 / MASK;
export const TINY_SAM_IOU = [0.8, 0.95, 0.9];

/**
 * SAM prompt encoder + mask decoder as exported at Xenova/slimsam-77-uniform@boxes: image embeddings and
 * input_boxes, no point inputs (huggingface/optimum#1681 "SAM export variants w/ input boxes": "one with
 * `input_boxes` (and no `input_points`)"). Transformers.js drops the padding points and labels the app
 * passes (SamModel.forward needs input_labels to exist; sessionRun ignores inputs the graph does not declare).
 * Each box's mask logit is the signed distance (in input pixels) to the nearest box edge: positive inside the
 * box. Three identical candidates per box; iou_scores fixed so the second wins.
 */
export function tinySamDecoderGraph(): GraphSpec {
  const centres = Array.from({ length: MASK }, (_, j) => (j + 0.5) * CELL);
  const slice = (from: string, k: number, out: string): NodeSpec[] => [
    node('Slice', [from, `s${k}`, `e${k}`, 'ax_last'], [out]),
  ];
  return {
    name: 'tiny_sam_prompt_encoder_mask_decoder',
    inputs: [
      { name: 'image_embeddings', elemType: F, shape: ['batch', 256, 64, 64] },
      { name: 'image_positional_embeddings', elemType: F, shape: ['batch', 256, 64, 64] },
      { name: 'input_boxes', elemType: F, shape: ['batch', 'num_boxes', 4] },
    ],
    outputs: [
      { name: 'iou_scores', elemType: F, shape: ['batch', 'num_boxes', 3] },
      { name: 'pred_masks', elemType: F, shape: ['batch', 'num_boxes', 3, MASK, MASK] },
    ],
    initializers: [
      f32('xs', [1, 1, 1, 1, MASK], centres),
      f32('ys', [1, 1, 1, MASK, 1], centres),
      i64('unsq_axes', [2, 3]),
      i64('ax_last', [-1]),
      i64('s0', [0]), i64('e0', [1]), i64('s1', [1]), i64('e1', [2]),
      i64('s2', [2]), i64('e2', [3]), i64('s3', [3]), i64('e3', [4]),
      i64('iou_end', [3]),
      f32('zero', [], [0]),
      f32('iou', [3], TINY_SAM_IOU),
    ],
    nodes: [
      node('Unsqueeze', ['input_boxes', 'unsq_axes'], ['boxes5']),
      ...slice('boxes5', 0, 'x0'), ...slice('boxes5', 1, 'y0'), ...slice('boxes5', 2, 'x1'), ...slice('boxes5', 3, 'y1'),
      node('Sub', ['xs', 'x0'], ['dx0']),
      node('Sub', ['x1', 'xs'], ['dx1']),
      node('Sub', ['ys', 'y0'], ['dy0']),
      node('Sub', ['y1', 'ys'], ['dy1']),
      node('Min', ['dx0', 'dx1', 'dy0', 'dy1'], ['logit']),
      // Tie the embedding to the output (x0) so the graph consumes what the real decoder consumes.
      node('ReduceMean', ['image_embeddings'], ['emb_mean'], { keepdims: { kind: 'int', value: 0 } }),
      node('Mul', ['emb_mean', 'zero'], ['emb_zero']),
      node('Add', ['logit', 'emb_zero'], ['logit_e']),
      node('Concat', ['logit_e', 'logit_e', 'logit_e'], ['pred_masks'], { axis: { kind: 'int', value: 2 } }),
      node('Slice', ['input_boxes', 's0', 'iou_end', 'ax_last'], ['box3']),
      node('Mul', ['box3', 'zero'], ['box3_zero']),
      node('Add', ['box3_zero', 'iou'], ['iou_scores']),
    ],
  };
}

const METRIC3D_PREPROCESSOR = {
  do_normalize: false,
  do_pad: false,
  do_rescale: false,
  do_resize: true,
  ensure_multiple_of: 14,
  image_processor_type: 'DPTImageProcessor',
  keep_aspect_ratio: true,
  resample: 3,
  size: { height: 518, width: 518 },
  size_divisor: null,
};

const SAM_PREPROCESSOR = {
  do_normalize: true,
  do_pad: true,
  do_rescale: true,
  do_resize: true,
  image_mean: [0.485, 0.456, 0.406],
  image_std: [0.229, 0.224, 0.225],
  image_processor_type: 'SamImageProcessor',
  pad_size: { height: 1024, width: 1024 },
  processor_class: 'SamProcessor',
  resample: 2,
  rescale_factor: 1 / 255,
  size: { longest_edge: 1024 },
};

/** Folder names under the tiny-model root; the model ids the tests and the e2e harness use. */
export const TINY_IDS = { depth: 'tiny/metric3d', depthPro: 'tiny/depth-pro', sam: 'tiny/sam' } as const;

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value, null, 2));
}

/** Writes every tiny model under `root` (Transformers.js local layout) and returns the files written. */
export function writeTinyModels(root: string): string[] {
  const written: string[] = [];
  const put = (rel: string, data: Uint8Array | string) => {
    const path = join(root, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, data);
    written.push(rel);
  };
  // File names as published at the pinned revisions (src/pipeline/hub/listings.json): the loaders fail on a
  // file the real repo does not have. Quantised (q8) files keep float32 I/O, as ORT's dynamic quantisation does.
  const depth = TINY_IDS.depth;
  put(`${depth}/onnx/model.onnx`, encodeModel(tinyDepthGraph()));
  put(`${depth}/onnx/model_fp16.onnx`, encodeModel(tinyDepthGraph('float16')));
  mkdirSync(join(root, depth), { recursive: true });
  writeJson(join(root, depth, 'config.json'), { model_type: 'metric3d' }); // the real file, byte for byte in content
  writeJson(join(root, depth, 'preprocessor_config.json'), METRIC3D_PREPROCESSOR);
  written.push(`${depth}/config.json`, `${depth}/preprocessor_config.json`);

  const pro = TINY_IDS.depthPro;
  put(`${pro}/onnx/model.onnx`, encodeModel(tinyDepthProGraph()));
  writeJson(join(root, pro, 'config.json'), { model_type: 'depth_pro' });
  // Same DPT-style preprocessing as the tiny Metric3D: the test checks the focal logic, not DepthPro's resize.
  writeJson(join(root, pro, 'preprocessor_config.json'), METRIC3D_PREPROCESSOR);
  written.push(`${pro}/config.json`, `${pro}/preprocessor_config.json`);

  const sam = TINY_IDS.sam;
  for (const suffix of ['', '_quantized']) {
    put(`${sam}/onnx/vision_encoder${suffix}.onnx`, encodeModel(tinySamEncoderGraph()));
    put(`${sam}/onnx/prompt_encoder_mask_decoder${suffix}.onnx`, encodeModel(tinySamDecoderGraph()));
  }
  writeJson(join(root, sam, 'config.json'), { model_type: 'sam', architectures: ['SamModel'] });
  writeJson(join(root, sam, 'preprocessor_config.json'), SAM_PREPROCESSOR);
  written.push(`${sam}/config.json`, `${sam}/preprocessor_config.json`);
  return written;
}
