/**
 * Up from the picture's vertical lines alone, for a frame whose depth shows neither a floor nor a wall (a
 * close-up, a cluttered shelf, a street seen past people and poles): up is otherwise the level-camera guess,
 * and a hand-held camera is held level in roll to a few degrees but pitched by tens of degrees, further than
 * the 8-degree search about a guess (findVerticalSegments) reaches. So:
 * 1. segments are searched within WIDE_TOL_DEG of the guess's vanishing direction;
 * 2. every pair of them proposes an up (their planes through the camera centre meet in it: a vanishing
 *    point, as in RANSAC, Fischler and Bolles 1981), and so does each alone (the guess turned onto its plane:
 *    lines too close together to meet anywhere definite say the roll, not the pitch); each candidate is scored
 *    by a robust likelihood, each segment an inlier (its angle from the candidate, normal with its sigma) or
 *    an outlier (uniform over the search's width; the mixture of MLESAC, Torr and Zisserman 2000), plus the
 *    level-camera prior (roll LEVEL_ROLL_SIGMA_DEG, pitch LEVEL_PITCH_SIGMA_DEG): the most probable is kept;
 * 3. refineUpWithEdges refines it with the segments near its own vanishing point (the usual 8 degrees),
 *    against the same prior, twice (the second search about the first result).
 * Null when fewer than MIN_LINES segments agree.
 * What it cannot do: tell verticals from other lines that lean the same way in the picture (a staircase's
 * rail, a roof's slope) when those outnumber the verticals and lie as near the guess; the prior then only
 * makes it prefer the smaller turn.
 */
import type { Intrinsics } from '../camera/intrinsics';
import type { RGBAImage } from './raster';
import { cross, dot, normalize, perpendicularTo, type Vec3 } from './vec';
import { findVerticalSegments, refineUpWithEdges, sigmaOf, type EdgeRefinement, type VerticalSegment } from './verticalLines';

const DEG = Math.PI / 180;
/** How far a hand-held camera's roll may be from level, one sigma (a-priori): what a level-camera guess is trusted to. */
export const LEVEL_ROLL_SIGMA_DEG = 5;
/** How far its pitch may be, one sigma (a-priori: a photo of what is in front, looking down at a desk or up at a facade). */
export const LEVEL_PITCH_SIGMA_DEG = 20;
/**
 * The first search's tolerance about the guess's vanishing direction: a segment at the side of a 60-degree-wide
 * view under a 30-degree pitch leans about 18 degrees in the picture, plus the roll.
 */
const WIDE_TOL_DEG = 25;
/**
 * The first search runs on the picture averaged down to about this many pixels: it needs a rough vanishing point
 * only (the refinement searches at full size), and at 25 degrees a full-size search finds several times the runs
 * (10-60 ms on the fixture photos; 3-10 ms at this size, and each answer's error against the reference moved by at
 * most 0.44 degree on the six frames that gave one; the other two gave none either way).
 */
const WIDE_WORK_PIXELS = 100_000;
/** Candidate ups come from pairs of the longest this many segments (1,770 pairs). */
const PAIR_SEGMENTS = 60;
/** Share of the segments taken to be outliers (lines that are not vertical in the world) a-priori. */
const OUTLIER_SHARE = 0.5;
/**
 * Lines that must agree at the end: one more than the refinement's own minimum, since nothing else checks them
 * here (a top-down photo of a table found three edges of tape and table, all level in the world, leaning alike in
 * the picture; the benchmark's answers all rest on four or more).
 */
const MIN_LINES = 4;
/** Two segments whose planes are closer than this (one line's two sides, two lines in a row) fix no point. */
const MIN_PAIR_SIN = Math.sin(1 * DEG);

/** The roll and pitch axes tangent to `u` (camera frame, OpenCV axes: x right, z forward): turning up towards them. */
export function levelAxes(u: Vec3): { roll: Vec3; pitch: Vec3 } {
  return { roll: perpendicularTo([1, 0, 0], u), pitch: perpendicularTo([0, 0, 1], u) };
}

/** Log of the level-camera prior at `u`: its roll and pitch away from the guess `g`. */
function logPrior(u: Vec3, g: Vec3, axes: { roll: Vec3; pitch: Vec3 }): number {
  const along = dot(u, g);
  const roll = Math.atan2(dot(u, axes.roll), along) / (LEVEL_ROLL_SIGMA_DEG * DEG);
  const pitch = Math.atan2(dot(u, axes.pitch), along) / (LEVEL_PITCH_SIGMA_DEG * DEG);
  return -0.5 * (roll * roll + pitch * pitch);
}

/** Log likelihood of the segments under up `u`: each an inlier about its plane or an outlier spread over the search's width. */
function logLikelihood(u: Vec3, segs: readonly VerticalSegment[], sig: readonly number[]): number {
  const outlier = OUTLIER_SHARE / (2 * WIDE_TOL_DEG * DEG);
  let l = 0;
  for (let k = 0; k < segs.length; k++) {
    const z = Math.asin(Math.min(1, Math.abs(dot(segs[k].normal, u)))) / sig[k];
    l += Math.log(outlier + ((1 - OUTLIER_SHARE) * Math.exp(-0.5 * z * z)) / (sig[k] * Math.sqrt(2 * Math.PI)));
  }
  return l;
}

/** The most probable up among the guess, the guess turned onto each segment's plane and the meeting points of pairs of segments (step 2 above). */
export function vanishingUp(segs: readonly VerticalSegment[], guess: Vec3): Vec3 {
  const g = normalize(guess), axes = levelAxes(g);
  const sig = segs.map(sigmaOf);
  const pool = [...segs].sort((a, b) => b.length - a.length).slice(0, PAIR_SEGMENTS);
  let best = g, bestScore = logLikelihood(g, segs, sig) + logPrior(g, g, axes);
  const consider = (u: Vec3) => {
    const prior = logPrior(u, g, axes);
    // a candidate the prior alone rules out (over about 6 sigmas) is not worth scoring
    if (prior < -18) return;
    const score = logLikelihood(u, segs, sig) + prior;
    if (score > bestScore) { bestScore = score; best = u; }
  };
  // the guess turned onto each segment's plane: what one line says, or lines too close together to meet
  // anywhere definite, leaving the rest to the guess
  for (const s of pool) consider(perpendicularTo(g, s.normal));
  for (let i = 0; i < pool.length; i++) {
    for (let j = i + 1; j < pool.length; j++) {
      const c = cross(pool[i].normal, pool[j].normal), n = Math.hypot(c[0], c[1], c[2]);
      if (n < MIN_PAIR_SIN) continue;
      const s = dot(c, g) >= 0 ? 1 / n : -1 / n;
      consider([c[0] * s, c[1] * s, c[2] * s]);
    }
  }
  return best;
}

/** Up from the picture's vertical lines and the level-camera prior about `guess` (see the module comment). */
export function upFromLines(img: RGBAImage, K: Intrinsics, guess: Vec3): EdgeRefinement | null {
  const g = normalize(guess);
  const wide = findVerticalSegments(img, K, g, { pixelTolDeg: WIDE_TOL_DEG, workPixels: WIDE_WORK_PIXELS });
  // the full-size searches below may find more than this rough one: three to propose from are enough
  if (wide.length < 3) return null;
  let up = vanishingUp(wide, g);
  let out: EdgeRefinement | null = null;
  for (let round = 0; round < 2; round++) {
    const r = refineUpWithEdges(up, LEVEL_ROLL_SIGMA_DEG, findVerticalSegments(img, K, up), { axis: levelAxes(up).pitch, sigmaDeg: LEVEL_PITCH_SIGMA_DEG }, g);
    if (!r) break;
    out = r;
    up = r.up;
  }
  return out && out.edges >= MIN_LINES ? out : null;
}
