/** The schema `report.json` promises (docs/evaluation.md); the eval test validates every report against it. */
import * as v from 'valibot';

const share = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const nullableNonNeg = v.nullable(v.pipe(v.number(), v.minValue(0)));

export const SummarySchema = v.object({
  frames: v.pipe(v.number(), v.integer(), v.minValue(0)),
  annotated_frames: v.pipe(v.number(), v.integer(), v.minValue(0)),
  questions: v.pipe(v.number(), v.integer(), v.minValue(0)),
  qualitative_accuracy: share,
  qualitative_committed_accuracy: share,
  qualitative_tie_share: share,
  qualitative_wrong_both_estimated: v.optional(share),
  qualitative_wrong_one_estimated: v.optional(share),
  numeric_rate: share,
  quantitative_within_0_5_2: share,
  quantitative_within_0_75_1_33: share,
  quantitative_within_0_9_1_1: share,
  swap_invariance: share,
  gravity_error_deg_median: nullableNonNeg,
  box_centre_error_m_median: nullableNonNeg,
  box_centre_error_camera_m_median: v.optional(nullableNonNeg),
  box_size_ratio_median: nullableNonNeg,
  box_extents_within_15pct: v.nullable(share),
});

export const PerTypeSchema = v.object({
  type: v.string(),
  kind: v.picklist(['qualitative', 'quantitative']),
  questions: v.pipe(v.number(), v.integer(), v.minValue(0)),
  accuracy: v.optional(share),
  committed_accuracy: v.optional(v.nullable(share)),
  tie_share: v.optional(share),
  numeric_rate: v.optional(share),
  within_0_5_2: v.optional(share),
  within_0_75_1_33: v.optional(share),
  within_0_9_1_1: v.optional(share),
});

export const ReportSchema = v.object({
  schema_version: v.literal(1),
  created_at: v.string(),
  mode: v.picklist(['oracle-depth', 'models']),
  index: v.string(),
  summary: SummarySchema,
  per_type: v.array(PerTypeSchema),
  frames: v.array(v.looseObject({ id: v.string(), validDepthShare: share, frameMethod: v.string(), frameConfidence: v.string() })),
});
