/**
 * The evaluation report: per-frame geometry statistics and the SpatialVLM metrics over annotated frames.
 * `report.json`'s `summary` keys are a contract (docs/evaluation.md, the eval test validates them).
 */
import { angleBetween, mulMatVec, transpose, type Vec3 } from '../../src/core/geometry/vec';
import { committedShare, compareScenes, mergeComparisons, share, swapInvariance, tieShare, type Comparison, type Tally } from '../../src/core/eval/compare';
import type { SceneGraph } from '../../src/core/scene/types';
import { distance } from '../../src/core/geometry/vec';
import { canonicalToCamera } from '../../src/core/camera/project';

export const REPORT_SCHEMA_VERSION = 1;

export interface FrameReport {
  id: string;
  width: number;
  height: number;
  validDepthShare: number;
  points: number;
  frameMethod: string;
  frameConfidence: string;
  cameraHeight: number;
  gravityErrorDeg: number | null;
  objects: number;
  annotated: boolean;
  /**
   * centreErrorM: between the box centres in each scene's own canonical frame (what answers measure, so the
   * frames' disagreement on up and on the floor's height is in it); centreErrorCameraM: between the same
   * centres taken back to the camera, the box alone. sizeRatio: axis-aligned width / height / depth, ours /
   * truth; extentRatio: the yaw-oriented boxes' long side / height / short side.
   */
  boxErrors: { id: string; caption: string; centreErrorM: number; centreErrorCameraM?: number; sizeRatio: Vec3; extentRatio: Vec3 }[];
  comparison: Comparison | null;
  swap: Tally | null;
  error?: string;
}

export interface Summary {
  frames: number;
  annotated_frames: number;
  questions: number;
  qualitative_accuracy: number;
  /** accuracy of the yes/no answers that commit (not "about the same"), and the share of ties where the truth decides */
  qualitative_committed_accuracy: number;
  qualitative_tie_share: number;
  /**
   * share of the scored yes/no questions answered wrong (or "about the same") where the measure compared
   * rests on a typical size or a lower bound for both objects (estimateBasis.ts), and for one of them; the
   * first is out of reach of any measurement, so 1 minus it bounds the accuracy these estimates allow
   */
  qualitative_wrong_both_estimated?: number;
  qualitative_wrong_one_estimated?: number;
  numeric_rate: number;
  quantitative_within_0_5_2: number;
  quantitative_within_0_75_1_33: number;
  quantitative_within_0_9_1_1: number;
  swap_invariance: number;
  gravity_error_deg_median: number | null;
  box_centre_error_m_median: number | null;
  /** the same centres in the camera frame: the boxes' error without the frames' (up, floor height) */
  box_centre_error_camera_m_median?: number | null;
  box_size_ratio_median: number | null;
  /** share of boxes whose three extents (long side, height, short side) are all within 15% of the truth */
  box_extents_within_15pct: number | null;
}

export interface PerTypeRow {
  type: string;
  kind: 'qualitative' | 'quantitative';
  questions: number;
  accuracy?: number;
  committed_accuracy?: number;
  tie_share?: number;
  numeric_rate?: number;
  within_0_5_2?: number;
  within_0_75_1_33?: number;
  within_0_9_1_1?: number;
}

export interface Report {
  schema_version: number;
  created_at: string;
  mode: 'oracle-depth' | 'models';
  index: string;
  summary: Summary;
  per_type: PerTypeRow[];
  frames: FrameReport[];
}

const median = (v: number[]): number | null => {
  if (v.length === 0) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Angle between the recovered up (camera frame: the canonical +Y mapped back) and the true up. */
export function gravityErrorDeg(scene: SceneGraph, trueUpCam: Vec3): number {
  const upCam = mulMatVec(transpose(scene.frame.rotation), [0, 1, 0]);
  return (angleBetween(upCam, trueUpCam) * 180) / Math.PI;
}

const boxCentre = (o: SceneGraph['objects'][number]): Vec3 => [
  (o.aabb.min[0] + o.aabb.max[0]) / 2, (o.aabb.min[1] + o.aabb.max[1]) / 2, (o.aabb.min[2] + o.aabb.max[2]) / 2,
];

/** Box-centre distance (the centres answers measure between) and per-axis size ratios (ours / truth), by object id. */
export function boxErrors(ours: SceneGraph, truth: SceneGraph): FrameReport['boxErrors'] {
  return truth.objects.flatMap((t) => {
    const o = ours.objects.find((x) => x.id === t.id);
    if (!o) return [];
    const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
    const ext = (x: typeof o): Vec3 => [Math.max(x.obb.size[0], x.obb.size[2]), x.obb.size[1], Math.min(x.obb.size[0], x.obb.size[2])];
    const eo = ext(o), et = ext(t);
    return [{
      id: t.id,
      caption: t.caption,
      centreErrorM: distance(boxCentre(o), boxCentre(t)),
      centreErrorCameraM: distance(canonicalToCamera(ours.frame, boxCentre(o)), canonicalToCamera(truth.frame, boxCentre(t))),
      sizeRatio: [ratio(o.size.width, t.size.width), ratio(o.size.height, t.size.height), ratio(o.size.depth, t.size.depth)] as Vec3,
      extentRatio: [ratio(eo[0], et[0]), ratio(eo[1], et[1]), ratio(eo[2], et[2])] as Vec3,
    }];
  });
}

/** The per-frame figures both modes report once a scene is built: frame, gravity, boxes, answers. */
export function sceneMetrics(scene: SceneGraph, trueUpCam: Vec3 | null, truth: SceneGraph | null) {
  return {
    frameMethod: scene.frame.method,
    frameConfidence: scene.frame.confidence,
    cameraHeight: scene.frame.cameraHeight,
    gravityErrorDeg: trueUpCam ? gravityErrorDeg(scene, trueUpCam) : null,
    objects: scene.objects.length,
    annotated: truth !== null,
    boxErrors: truth ? boxErrors(scene, truth) : [],
    comparison: truth ? compareScenes(scene, truth) : null,
    swap: scene.objects.length >= 2 ? swapInvariance(scene) : null,
  };
}

/** A frame that could not be evaluated: reported with its reason, never dropped. */
export function failedFrame(entry: { id: string; width: number; height: number }, error: string): FrameReport {
  return {
    id: entry.id, width: entry.width, height: entry.height, validDepthShare: 0, points: 0, frameMethod: '-', frameConfidence: '-',
    cameraHeight: 0, gravityErrorDeg: null, objects: 0, annotated: false, boxErrors: [], comparison: null, swap: null, error,
  };
}

export function summarize(frames: FrameReport[], index: string, mode: Report['mode']): Report {
  const comps = frames.flatMap((f) => (f.comparison ? [f.comparison] : []));
  const all = mergeComparisons(comps);
  const per_type: PerTypeRow[] = [];
  let qc = 0, qt = 0, qtied = 0, qboth = 0, qone = 0;
  for (const [type, t] of Object.entries(all.qualitative)) {
    per_type.push({ type, kind: 'qualitative', questions: t.total, accuracy: share(t), committed_accuracy: committedShare(t), tie_share: tieShare(t) });
    qc += t.correct; qt += t.total; qtied += t.tied ?? 0; qboth += t.onEstimates ?? 0; qone += t.onOneEstimate ?? 0;
  }
  let nt = 0, nn = 0, w1 = 0, w2 = 0, w3 = 0;
  for (const [type, t] of Object.entries(all.quantitative)) {
    per_type.push({
      type, kind: 'quantitative', questions: t.total,
      numeric_rate: t.total ? t.numeric / t.total : NaN,
      within_0_5_2: t.total ? t.within_0_5_2 / t.total : NaN,
      within_0_75_1_33: t.total ? t.within_0_75_1_33 / t.total : NaN,
      within_0_9_1_1: t.total ? t.within_0_9_1_1 / t.total : NaN,
    });
    nt += t.total; nn += t.numeric; w1 += t.within_0_5_2; w2 += t.within_0_75_1_33; w3 += t.within_0_9_1_1;
  }
  const swaps = frames.flatMap((f) => (f.swap ? [f.swap] : []));
  const swapCorrect = swaps.reduce((s, t) => s + t.correct, 0);
  const swapTotal = swaps.reduce((s, t) => s + t.total, 0);
  const boxes = frames.flatMap((f) => f.boxErrors);
  const frac = (a: number, b: number) => (b ? a / b : 0);
  return {
    schema_version: REPORT_SCHEMA_VERSION,
    created_at: new Date().toISOString(),
    mode,
    index,
    summary: {
      frames: frames.length,
      annotated_frames: frames.filter((f) => f.annotated).length,
      questions: qt + nt,
      qualitative_accuracy: frac(qc, qt),
      qualitative_committed_accuracy: frac(qc, qt - qtied),
      qualitative_tie_share: frac(qtied, qt),
      qualitative_wrong_both_estimated: frac(qboth, qt),
      qualitative_wrong_one_estimated: frac(qone, qt),
      numeric_rate: frac(nn, nt),
      quantitative_within_0_5_2: frac(w1, nt),
      quantitative_within_0_75_1_33: frac(w2, nt),
      quantitative_within_0_9_1_1: frac(w3, nt),
      swap_invariance: swapTotal ? swapCorrect / swapTotal : 1,
      gravity_error_deg_median: median(frames.flatMap((f) => (f.gravityErrorDeg === null ? [] : [f.gravityErrorDeg]))),
      box_centre_error_m_median: median(boxes.map((b) => b.centreErrorM)),
      box_centre_error_camera_m_median: median(boxes.flatMap((b) => (b.centreErrorCameraM === undefined ? [] : [b.centreErrorCameraM]))),
      box_size_ratio_median: median(boxes.flatMap((b) => b.sizeRatio.filter(Number.isFinite))),
      box_extents_within_15pct: boxes.length ? boxes.filter((b) => b.extentRatio.every((x) => x >= 0.85 && x <= 1.15)).length / boxes.length : null,
    },
    per_type,
    frames,
  };
}

const pct = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '-' : `${(100 * v).toFixed(1)}%`);
const num = (v: number | null, d = 2) => (v === null || Number.isNaN(v) ? '-' : v.toFixed(d));

export function reportMarkdown(r: Report): string {
  const s = r.summary;
  const lines = [
    `# SpatialLens evaluation (${r.mode})`,
    '',
    `Index: \`${r.index}\` — ${s.frames} frames (${s.annotated_frames} annotated), ${s.questions} questions.`,
    '',
    '| metric | value |',
    '|---|---|',
    `| qualitative accuracy | ${pct(s.qualitative_accuracy)} |`,
    `| qualitative, committed answers only | ${pct(s.qualitative_committed_accuracy)} |`,
    `| qualitative, "about the same" where the truth decides | ${pct(s.qualitative_tie_share)} |`,
    `| qualitative, wrong where both measures are typical sizes or lower bounds / one is | ${pct(s.qualitative_wrong_both_estimated)} / ${pct(s.qualitative_wrong_one_estimated)} |`,
    `| numeric answer rate | ${pct(s.numeric_rate)} |`,
    `| within [0.5x, 2x] | ${pct(s.quantitative_within_0_5_2)} |`,
    `| within [0.75x, 1.33x] | ${pct(s.quantitative_within_0_75_1_33)} |`,
    `| within [0.9x, 1.1x] | ${pct(s.quantitative_within_0_9_1_1)} |`,
    `| swap invariance | ${pct(s.swap_invariance)} |`,
    `| gravity error, median | ${num(s.gravity_error_deg_median)}° |`,
    `| box centre error, median | ${num(s.box_centre_error_m_median)} m |`,
    `| box centre error in the camera frame (the box without the frame), median | ${num(s.box_centre_error_camera_m_median ?? null)} m |`,
    `| box size ratio (ours/truth), median | ${num(s.box_size_ratio_median)} |`,
    `| boxes with every extent within 15% | ${s.box_extents_within_15pct === null ? '-' : pct(s.box_extents_within_15pct)} |`,
    '',
    '## Per question type',
    '',
    '| type | kind | questions | accuracy | committed | ties | numeric | [0.5x,2x] | [0.75x,1.33x] | [0.9x,1.1x] |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...r.per_type.map((t) => `| ${t.type} | ${t.kind} | ${t.questions} | ${pct(t.accuracy)} | ${pct(t.committed_accuracy)} | ${pct(t.tie_share)} | ${pct(t.numeric_rate)} | ${pct(t.within_0_5_2)} | ${pct(t.within_0_75_1_33)} | ${pct(t.within_0_9_1_1)} |`),
    '',
    '## Per frame',
    '',
    '| frame | size | valid depth | frame | camera height | gravity error | objects | note |',
    '|---|---|---|---|---|---|---|---|',
    ...r.frames.map((f) => `| ${f.id} | ${f.width}x${f.height} | ${pct(f.validDepthShare)} | ${f.frameMethod} (${f.frameConfidence}) | ${num(f.cameraHeight)} m | ${f.gravityErrorDeg === null ? '-' : num(f.gravityErrorDeg) + '°'} | ${f.objects} | ${f.error ?? (f.annotated ? 'annotated' : 'no annotations')} |`),
    '',
  ];
  const boxRows = r.frames.flatMap((f) => f.boxErrors.map((b) => `| ${f.id} | ${b.caption} | ${num(b.centreErrorM)} | ${num(b.centreErrorCameraM ?? null)} | ${b.sizeRatio.map((v) => num(v)).join(' / ')} |`));
  if (boxRows.length) lines.push('## Boxes (ours vs annotated)', '', '| frame | object | centre error (m) | in the camera frame (m) | size ratio w / h / d |', '|---|---|---|---|---|', ...boxRows, '');
  return lines.join('\n');
}

