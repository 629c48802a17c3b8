/**
 * A simple, documented uncertainty model for positions and lengths measured from one metric depth map.
 *
 * - Depth error grows with range: sigma = RELATIVE_DEPTH_ERROR x range + VOXEL / 2 (2% of range, the order
 *   of monocular metric depth on indoor scenes, plus the quantisation of the point grid).
 * - An object flagged 'too-few-points' has its sigma doubled (its box rests on few samples).
 * - A frame of 'low' confidence (no support plane, level camera assumed) may be tilted by a few degrees:
 *   vertical quantities get range x sin(TILT) added in quadrature.
 * Sigmas of independent objects combine in quadrature.
 */
export const RELATIVE_DEPTH_ERROR = 0.02;
export const VOXEL_M = 0.02;
export const ASSUMED_TILT_RAD = (3 * Math.PI) / 180;

export interface UncertaintyInputs {
  /** distance from the camera to the object's centre, metres */
  range: number;
  tooFewPoints?: boolean;
  lowFrame?: boolean;
}

/** One-sigma error of an object's position (or extent) along a horizontal axis, metres. */
export function horizontalSigma(o: UncertaintyInputs): number {
  const base = RELATIVE_DEPTH_ERROR * Math.max(0, o.range) + VOXEL_M / 2;
  return o.tooFewPoints ? 2 * base : base;
}

/** One-sigma error of an object's height (or vertical position), metres. */
export function verticalSigma(o: UncertaintyInputs): number {
  const h = horizontalSigma(o);
  if (!o.lowFrame) return h;
  return Math.hypot(h, Math.max(0, o.range) * Math.sin(ASSUMED_TILT_RAD));
}

