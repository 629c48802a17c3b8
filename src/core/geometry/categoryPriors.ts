/**
 * Typical sizes of object categories, from the per-class mean box sizes that published 3D detectors ship
 * (the means of their training sets' annotated 3D boxes), reached from a caption through a small lexicon.
 *
 * Sources (values copied as published, metres; the order of the published triple is given per table):
 * - SUN RGB-D, the 10 classes of the VoteNet benchmark: `type_mean_size` in
 *   facebookresearch/votenet `sunrgbd/model_util_sunrgbd.py` (also imvotenet; triple = full box size
 *   (l, w, h), l along the object's heading, h vertical).
 * - KITTI: `g_type_mean_size` in charlesq34/frustum-pointnets `models/model_util.py` (triple = (l, w, h),
 *   l along the heading).
 * - ScanNet, for the classes the two above lack (cabinet, counter, refrigerator, sink, garbage bin):
 *   `mean_sizes` of the ScanNet VoteNet config in open-mmlab/mmdetection3d `configs/_base_/models/votenet.py`
 *   (18 classes, triple = (x, y, z) of axis-aligned boxes in the scan's frame, z vertical; ScanNet's boxes
 *   are not turned, so the horizontal pair is a world-aligned box's: near the object's own sides for the
 *   mostly wall-aligned classes taken here). Its thin classes (door, window, picture, curtain) are left
 *   out: their axis-aligned boxes are half a metre deep, which a door is not.
 * Only the means are published; the spread used with them (PRIOR_SPREAD) is an assumption, chosen on the
 * synthetic benchmark, never on the fixture frames.
 */

export interface CategoryPrior {
  /** the table's class name */
  category: string;
  source: 'SUN RGB-D (VoteNet type_mean_size)' | 'KITTI (Frustum PointNets g_type_mean_size)' | 'ScanNet (VoteNet mean_sizes, mmdetection3d)';
  /** longer and shorter horizontal side, and height, metres */
  long: number;
  short: number;
  height: number;
  /** stands on the floor or the road (support contact applies) */
  grounded: boolean;
  /**
   * box-like: its footprint is completed from the prior. Not for people: a person's seen front already spans
   * most of the body's depth, and KITTI's pedestrian length includes the stride.
   */
  boxLike: boolean;
  /**
   * its footprint is a line along its heading with a wider part over it (a bicycle under its rider): no face
   * runs along the line, so the heading is the footprint's principal axis (yawFit.ts), not an L-shape's sides
   */
  lineFootprint: boolean;
}

/** Relative one-sigma of a category's extents around its mean (12%: real sizes of a class vary by about that much). */
export const PRIOR_SPREAD = 0.12;

const sun = (category: string, l: number, w: number, h: number): CategoryPrior =>
  ({ category, source: 'SUN RGB-D (VoteNet type_mean_size)', long: Math.max(l, w), short: Math.min(l, w), height: h, grounded: true, boxLike: true, lineFootprint: false });
const kitti = (category: string, l: number, w: number, h: number): CategoryPrior =>
  ({ category, source: 'KITTI (Frustum PointNets g_type_mean_size)', long: Math.max(l, w), short: Math.min(l, w), height: h, grounded: true, boxLike: !category.startsWith('Pe'), lineFootprint: category === 'Cyclist' });

const scannet = (category: string, x: number, y: number, z: number, grounded: boolean): CategoryPrior =>
  ({ category, source: 'ScanNet (VoteNet mean_sizes, mmdetection3d)', long: Math.max(x, y), short: Math.min(x, y), height: z, grounded, boxLike: true, lineFootprint: false });

const PRIORS: Readonly<Record<string, CategoryPrior>> = {
  bathtub: sun('bathtub', 0.76584, 1.398258, 0.472728),
  bed: sun('bed', 2.114256, 1.6203, 0.927272),
  bookshelf: sun('bookshelf', 0.404671, 1.071108, 1.688889),
  chair: sun('chair', 0.591958, 0.552978, 0.827272),
  desk: sun('desk', 0.69519, 1.346299, 0.736364),
  dresser: sun('dresser', 0.528526, 1.002642, 1.172878),
  night_stand: sun('night_stand', 0.500618, 0.632163, 0.683424),
  sofa: sun('sofa', 0.923508, 1.867419, 0.845495),
  table: sun('table', 0.791118, 1.279516, 0.718182),
  toilet: sun('toilet', 0.699104, 0.454178, 0.75625),
  cabinet: scannet('cabinet', 0.76966727, 0.8116021, 0.92573744, true),
  counter: scannet('counter', 1.4440073, 1.8970833, 0.26985747, false),
  refrigerator: scannet('refrigerator', 0.6650819, 0.71111923, 1.298853, true),
  sink: scannet('sink', 0.50867593, 0.50656086, 0.30136237, false),
  garbagebin: scannet('garbagebin', 0.47535285, 0.49249494, 0.5802117, true),
  Car: kitti('Car', 3.88311640418, 1.62856739989, 1.52563191462),
  Van: kitti('Van', 5.06763659, 1.9007158, 2.20532825),
  Truck: kitti('Truck', 10.13586957, 2.58549199, 3.2520595),
  Pedestrian: kitti('Pedestrian', 0.84422524, 0.66068622, 1.76255119),
  Person_sitting: kitti('Person_sitting', 0.80057803, 0.5983815, 1.27450867),
  Cyclist: kitti('Cyclist', 1.76282397, 0.59706367, 1.73698127),
  Tram: kitti('Tram', 16.17150617, 2.53246914, 3.53079012),
};

/**
 * Caption head nouns (the last words of a caption name the thing: "dresser mirror" is a mirror, "bed side
 * table" a table) -> table class. Longer phrases are tried first.
 */
const LEXICON: readonly [string, string][] = [
  ['night stand', 'night_stand'], ['nightstand', 'night_stand'], ['bedside table', 'night_stand'], ['bedside cabinet', 'night_stand'],
  ['end table', 'night_stand'], ['chest of drawers', 'dresser'], ['dresser', 'dresser'], ['bureau', 'dresser'],
  ['bookshelf', 'bookshelf'], ['bookcase', 'bookshelf'], ['book shelf', 'bookshelf'], ['shelves', 'bookshelf'],
  ['bathtub', 'bathtub'], ['bath tub', 'bathtub'], ['tub', 'bathtub'], ['toilet', 'toilet'],
  ['bed', 'bed'], ['sofa', 'sofa'], ['couch', 'sofa'], ['settee', 'sofa'],
  ['armchair', 'chair'], ['office chair', 'chair'], ['chair', 'chair'],
  ['desk', 'desk'], ['dining table', 'table'], ['kitchen table', 'table'], ['table', 'table'],
  ['cabinet', 'cabinet'], ['cupboard', 'cabinet'], ['kitchen cabinet', 'cabinet'], ['file cabinet', 'cabinet'],
  ['counter', 'counter'], ['countertop', 'counter'], ['kitchen counter', 'counter'],
  ['refrigerator', 'refrigerator'], ['fridge', 'refrigerator'], ['sink', 'sink'],
  ['garbage bin', 'garbagebin'], ['trash can', 'garbagebin'], ['trash bin', 'garbagebin'], ['wastebasket', 'garbagebin'],
  ['waste bin', 'garbagebin'], ['garbage can', 'garbagebin'], ['recycle bin', 'garbagebin'], ['recycling bin', 'garbagebin'],
  ['car', 'Car'], ['sedan', 'Car'], ['suv', 'Car'], ['hatchback', 'Car'], ['taxi', 'Car'],
  ['van', 'Van'], ['minivan', 'Van'], ['truck', 'Truck'], ['lorry', 'Truck'],
  ['pedestrian', 'Pedestrian'], ['person', 'Pedestrian'], ['man', 'Pedestrian'], ['woman', 'Pedestrian'],
  ['people', 'Pedestrian'], ['child', 'Pedestrian'], ['person sitting', 'Person_sitting'],
  ['cyclist', 'Cyclist'], ['bicyclist', 'Cyclist'], ['biker', 'Cyclist'], ['tram', 'Tram'], ['streetcar', 'Tram'],
];

const BY_LENGTH = [...LEXICON].sort((a, b) => b[0].length - a[0].length);

/** A caption's words, and where its noun phrase ends: the head is before a "with / on / in ..." modifier ("lamp on the table" is a lamp). */
function phrase(caption: string): { words: string[]; cut: number } {
  const words = caption.toLowerCase().replace(/[^a-z ]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  const cut = words.findIndex((w, i) => i > 0 && ['with', 'on', 'in', 'of', 'near', 'next', 'by', 'behind', 'under'].includes(w));
  return { words, cut: cut > 0 ? cut : words.length };
}

/** The prior of the category a caption names (its head noun, singular or plural), or null. */
export function categoryPrior(caption: string): CategoryPrior | null {
  const { words, cut } = phrase(caption);
  if (!words.length) return null;
  // the head first ("lamp on the table" is a lamp); the whole caption only as a lexicon phrase itself ("chest of drawers")
  const head = words.slice(0, cut).join(' ');
  const whole = words.join(' ');
  for (const [phrase, cls] of BY_LENGTH)
    for (const form of [phrase, `${phrase}s`, `${phrase}es`])
      if (head === form || head.endsWith(` ${form}`) || whole === form) return PRIORS[cls];
  return null;
}

/** Modifiers that say a thing stands on the floor: a floor lamp, a standing fan, a freestanding mirror. */
const FLOOR_MODIFIERS = new Set(['floor', 'standing', 'freestanding']);

/**
 * Whether a caption says its object stands on the floor or the ground: a grounded category (a sofa, a car), a
 * floor-standing modifier before the head noun ("floor lamp", "standing fan"), or "on the floor / ground"
 * after it. Such an object whose bottom is hidden goes down to the support plane even with no published size.
 */
export function standsOnFloor(caption: string): boolean {
  if (categoryPrior(caption)?.grounded) return true;
  const { words, cut } = phrase(caption);
  if (words.slice(0, cut - 1).some((w) => FLOOR_MODIFIERS.has(w))) return true;
  return words[cut] === 'on' && words.slice(cut + 1).some((w) => w === 'floor' || w === 'ground');
}
