/**
 * "About the same" from the measurement's own uncertainty (DESIGN.md conventions): each measure of an
 * object carries a one-sigma error from the depth-noise model (units/uncertainty.ts: error grows with
 * distance, few points double it), plus, where the amodal box estimated the extent, the estimator's spread
 * (a category prior's 12%, a square footprint's 30%). A comparison is a tie only when the difference is
 * within TIE_SIGMAS sigma of the difference and also within a person's "about the same" (10% of the mean
 * extent, 20% of the mean volume; relations.ts): an estimated extent's sigma is 12-30% of it, and a 2-sigma
 * band alone called measured differences of 30-40% "about the same" (on the synthetic benchmark those ties,
 * answered by their sign, were right 84% of the time with 2D boxes, 88% with masks). A decided answer
 * within 2 sigma says so and carries the sign's probability. The truth side of an evaluation asks with `ties: 'share'`, the person's band alone.
 */
import type { SceneObject } from '../scene/types';
import { RELATIVE_DEPTH_ERROR, VOXEL_M, horizontalSigma, verticalSigma } from '../units/uncertainty';
import { depthOf, extentAlong, heightOf, volumeOf, widthOf } from './boxGeometry';
import type { Ctx } from './context';
import type { SizeMeasure } from './query';
import { toView, viewRight } from './viewpoint';

export const TIE_SIGMAS = 2;
/**
 * A box centre from the visible points is off by about this share of the object's extent along the
 * measured direction (which parts are seen, where the box ends). Calibrated on the synthetic benchmark
 * (docs/evaluation.md, "Are the sigmas calibrated?"): with 5% the z-scores of measured-minus-true lateral
 * and depth positions had a robust spread of 0.47 and 0.78 (sigmas too wide: ties where the truth was
 * clear); with 1.5%, 0.73 and 0.92.
 */
export const CENTRE_SHARE = 0.015;
/** The same for the centre's height, as a share of the object's height (2%: synthetic benchmark, 68th percentile). */
export const CENTRE_HEIGHT_SHARE = 0.02;
/** No tie band is narrower than this (a centimetre either way is below what any depth map resolves). */
export const MIN_SIGMA_BAND_M = 0.02;

export type MeasureFamily = 'lateral' | 'vertical' | 'depth' | 'width' | 'height' | 'volume';

const few = (o: SceneObject) => (o.flags.includes('too-few-points') ? 2 : 1);

/** Relative spread of the estimated horizontal extents (the larger of the two), 0 when both were seen. */
const horizontalSpread = (o: SceneObject) => Math.max(o.amodal?.spread[0] ?? 0, o.amodal?.spread[2] ?? 0);
/** Spread of the width (the longer side) or depth (the shorter side) of the amodal box. */
function sideSpread(o: SceneObject, longer: boolean): number {
  const s = o.amodal?.spread;
  if (!s) return 0;
  const xLonger = o.obb.size[0] >= o.obb.size[2];
  return xLonger === longer ? s[0] : s[2];
}

/** One-sigma error of an extent `e` of an object: the depth noise over it (doubled for few points) and an estimate's spread. */
function extentSigma(ctx: Ctx, o: SceneObject, e: number, spread: number): number {
  const rel = ctx.scene.depthRelativeError ?? RELATIVE_DEPTH_ERROR;
  return Math.hypot(few(o) * (rel * e + VOXEL_M / 2), spread * e);
}

/** One-sigma error of an object's measure in a family, in that measure's unit (m, or m^3 for volume). */
export function measureSigma(ctx: Ctx, family: MeasureFamily, o: SceneObject): number {
  const range = Math.hypot(o.obb.center[0] - ctx.view.eye[0], o.obb.center[1] - ctx.view.eye[1], o.obb.center[2] - ctx.view.eye[2]);
  const lowFrame = ctx.lowFrame;
  const rel = ctx.scene.depthRelativeError ?? RELATIVE_DEPTH_ERROR;
  switch (family) {
    case 'lateral': {
      // a depth error moves a point along its ray: sideways by its lateral offset times the relative error
      const right = Math.abs(toView(ctx.view, o.obb.center).right);
      const across = extentAlong(o.obb, viewRight(ctx.view));
      return Math.hypot(few(o) * (rel * right + VOXEL_M / 2), CENTRE_SHARE * across, (horizontalSpread(o) * across) / 2);
    }
    case 'depth': {
      const along = extentAlong(o.obb, ctx.view.forward);
      return Math.hypot(horizontalSigma({ range, tooFewPoints: few(o) > 1, relativeError: rel }), CENTRE_SHARE * along, (horizontalSpread(o) * along) / 2);
    }
    case 'vertical': {
      // a depth error moves a point along its ray: up or down by its height offset from the eye times the
      // relative error; a tilted frame (no support plane) adds range x sin(tilt)
      const dy = Math.abs(o.obb.center[1] - ctx.view.eye[1]);
      const tilt = verticalSigma({ range, lowFrame }) - horizontalSigma({ range });
      return Math.hypot(few(o) * (rel * dy + VOXEL_M / 2), Math.max(0, tilt), CENTRE_HEIGHT_SHARE * heightOf(o), ((o.amodal?.spread[1] ?? 0) * heightOf(o)) / 2);
    }
    case 'width':
      return extentSigma(ctx, o, widthOf(o), sideSpread(o, true));
    case 'height':
      return extentSigma(ctx, o, heightOf(o), o.amodal?.spread[1] ?? 0);
    case 'volume': {
      const w = widthOf(o), h = heightOf(o), d = depthOf(o);
      const rel = (e: number, s: number) => (e > 0 ? extentSigma(ctx, o, e, s) / e : 0);
      return volumeOf(o) * Math.hypot(rel(w, sideSpread(o, true)), rel(h, o.amodal?.spread[1] ?? 0), rel(d, sideSpread(o, false)));
    }
  }
}

/** One-sigma error of one of an object's extents, with an estimated extent's spread. */
export function sizeSigma(ctx: Ctx, o: SceneObject, measure: SizeMeasure): number {
  if (measure === 'height') return measureSigma(ctx, 'height', o);
  return measure === 'depth' ? extentSigma(ctx, o, depthOf(o), sideSpread(o, false)) : measureSigma(ctx, 'width', o);
}

/** The tie band of a comparison: TIE_SIGMAS sigma of the difference (at least MIN_SIGMA_BAND_M for lengths). */
export function uncertaintyBand(ctx: Ctx, family: MeasureFamily, a: SceneObject, b: SceneObject): number {
  const band = TIE_SIGMAS * Math.hypot(measureSigma(ctx, family, a), measureSigma(ctx, family, b));
  return family === 'volume' ? Math.max(1e-9, band) : Math.max(MIN_SIGMA_BAND_M, band);
}
