/**
 * valibot schemas for what share links and scene files carry beside the scene graph (which `parseScene`
 * validates): queries, questions, the 3D view. Strict objects, bounded strings and arrays, finite numbers.
 */
import * as v from 'valibot';
import type { Query, UnitRequest } from '../core/reason/query';
import { RELATIONS } from '../core/reason/query';
import type { Vec3 } from '../core/geometry/vec';
import { SCENE_LIMITS } from '../core/scene/schema';
import { MAX_THRESHOLD_M } from '../core/language/thresholds';

const id = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(SCENE_LIMITS.maxIdChars, `must be at most ${SCENE_LIMITS.maxIdChars} characters`));
const ids = (min: number) => v.pipe(v.array(id), v.minLength(min, `needs at least ${min} objects`), v.maxLength(SCENE_LIMITS.maxObjects, 'too many objects'));
const relation = v.picklist(RELATIONS as Relation[]);
type Relation = (typeof RELATIONS)[number];
const finite = v.pipe(v.number(), v.finite('must be a finite number'));

/** A length a measure is compared with: positive, at most 1 km (no scene is larger) */
const threshold = v.strictObject({ op: v.picklist(['above', 'below']), metres: v.pipe(finite, v.minValue(1e-6), v.maxValue(MAX_THRESHOLD_M)) });

export const QuerySchema = v.variant('type', [
  v.strictObject({ type: v.literal('relation'), form: v.picklist(['yesno', 'choice']), relation, a: id, b: id, either: v.optional(v.boolean()), long: v.optional(v.literal(true)) }),
  v.strictObject({
    type: v.literal('pair'),
    measure: v.picklist(['distance', 'horizontal_distance', 'vertical_distance', 'direction', 'how_much_left', 'how_much_above', 'how_much_behind', 'how_much_taller', 'how_much_wider']),
    a: id,
    b: id,
    threshold: v.optional(threshold),
    long: v.optional(v.literal(true)),
  }),
  v.strictObject({ type: v.literal('size'), measure: v.picklist(['width', 'height', 'depth', 'length']), a: id, threshold: v.optional(threshold) }),
  v.strictObject({ type: v.literal('extreme'), which: v.picklist(['closest', 'farthest']), to: id, among: v.optional(ids(0)) }),
  v.strictObject({ type: v.literal('order'), by: v.picklist(['height', 'size', 'width', 'camera_distance', 'elevation', 'lateral']), objects: ids(1), descending: v.boolean(), top: v.optional(v.literal(true)), claim: v.optional(id), long: v.optional(v.literal(true)) }),
  v.strictObject({ type: v.literal('between'), a: id, b: id, c: id }),
  v.strictObject({ type: v.literal('contain'), a: id, b: id }),
  v.strictObject({ type: v.literal('support'), a: id, b: id }),
  v.strictObject({ type: v.literal('place'), a: id, b: id }),
  v.strictObject({ type: v.literal('facing'), at: id, toward: id, target: id, ask: v.optional(v.picklist(['left', 'right', 'ahead', 'behind'])) }),
  v.strictObject({ type: v.literal('placed'), how: v.picklist(['in', 'on']), reference: id }),
  v.strictObject({ type: v.literal('triangle'), shape: v.picklist(['equilateral', 'isosceles', 'right']), objects: v.tuple([id, id, id]) }),
  v.strictObject({ type: v.literal('count'), relation, reference: id, among: v.optional(ids(1)), ask: v.optional(v.picklist(['any', 'all'])) }),
  v.strictObject({ type: v.literal('range'), a: id, threshold: v.optional(threshold) }),
  v.strictObject({ type: v.literal('dimensions'), a: id }),
  v.strictObject({ type: v.literal('side'), a: id, ask: v.optional(v.picklist(['left', 'right'])) }),
  v.strictObject({ type: v.literal('inBetween'), b: id, c: id }),
  v.strictObject({ type: v.literal('cameraHeight') }),
  v.strictObject({ type: v.literal('elevation'), a: id, threshold: v.optional(threshold) }),
  v.strictObject({ type: v.literal('tally'), objects: ids(1) }),
  v.strictObject({ type: v.literal('find'), relation, reference: id }),
]);

export const UNIT_REQUESTS: readonly UnitRequest[] = ['m', 'cm', 'mm', 'ft', 'in', 'yd', 'metric', 'imperial', 'ft-in'];

export const MAX_QUESTION_CHARS = 500;
export const MAX_SENTENCE_CHARS = 2000;

/**
 * The decisive part of an answer, compared on open: a sentence may be reworded by a newer app version or
 * shown in other units, but the verdict, choice, order and value must not change.
 */
export interface AnswerKey {
  verdict?: 'yes' | 'no' | 'about-the-same';
  choice?: string;
  order?: string[];
  value?: number;
  clock?: number;
}

export const AnswerKeySchema = v.strictObject({
  verdict: v.optional(v.picklist(['yes', 'no', 'about-the-same'])),
  choice: v.optional(id),
  order: v.optional(ids(0)),
  value: v.optional(finite),
  clock: v.optional(finite),
});

/** A question as links and scene files keep it: the text, the parsed query, the answer shown. */
export interface SharedQuestion {
  text: string;
  query?: Query;
  /** The unit the person asked for (part of the parsed question). */
  unit?: UnitRequest;
  /** The sender's display preference and phrasing seed: with them the sentence recomputes word for word. */
  units?: 'metric' | 'imperial';
  seed?: number;
  /** The answer's sentence as the sender saw it, and its decisive part; recomputed and compared on open. */
  sentence?: string;
  answer?: AnswerKey;
}

export const QuestionSchema = v.strictObject({
  text: v.pipe(v.string(), v.maxLength(MAX_QUESTION_CHARS, `must be at most ${MAX_QUESTION_CHARS} characters`)),
  query: v.optional(QuerySchema),
  unit: v.optional(v.picklist(UNIT_REQUESTS as UnitRequest[])),
  units: v.optional(v.picklist(['metric', 'imperial'])),
  seed: v.optional(v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0, 'must be >= 0'), v.maxValue(2 ** 31, 'must be < 2^31'))),
  sentence: v.optional(v.pipe(v.string(), v.maxLength(MAX_SENTENCE_CHARS, `must be at most ${MAX_SENTENCE_CHARS} characters`))),
  answer: v.optional(AnswerKeySchema),
});

/** The 3D viewer's camera, canonical frame (metres); fov is vertical, degrees. */
export interface ShareView {
  position: Vec3;
  target: Vec3;
  fov?: number;
}

const vec3 = v.tuple([finite, finite, finite]);
export const ViewSchema = v.strictObject({
  position: vec3,
  target: vec3,
  fov: v.optional(v.pipe(finite, v.minValue(1, 'fov must be >= 1 degree'), v.maxValue(179, 'fov must be <= 179 degrees'))),
});

/** "questions[2].query.a: ..." from valibot issues, at most three. */
export function issuesText(issues: readonly v.BaseIssue<unknown>[], root: string): string {
  const parts = issues.slice(0, 3).map((i) => {
    let p = root;
    for (const item of i.path ?? []) p += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`;
    const msg = i.kind === 'schema' && i.type === 'strict_object' && i.expected === 'never' ? 'unknown field' : i.message;
    return `${p}: ${msg}`;
  });
  return parts.join('; ') + (issues.length > 3 ? ` (and ${issues.length - 3} more)` : '');
}

// Compile-time guards: the schemas' outputs are the app's types.
const _q = (x: v.InferOutput<typeof QuerySchema>): Query => x;
const _q2 = (x: Query): v.InferOutput<typeof QuerySchema> => x;
const _s = (x: v.InferOutput<typeof QuestionSchema>): SharedQuestion => x;
const _k = (x: v.InferOutput<typeof AnswerKeySchema>): AnswerKey => x;
const _v = (x: v.InferOutput<typeof ViewSchema>): ShareView => x;
void _q;
void _q2;
void _s;
void _v;
void _k;
