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
/**
 * Depth from a sensor (an RGB-D camera's depth file, LiDAR): 1% of range, the order of a structured-light
 * sensor's error at 3-5 m (1.2 mm + 1.9 mm (z - 0.4 m)^2, Nguyen et al. 2012) with its calibration.
 */
export const SENSOR_RELATIVE_DEPTH_ERROR = 0.01;
export const VOXEL_M = 0.02;
export const ASSUMED_TILT_RAD = (3 * Math.PI) / 180;

export interface UncertaintyInputs {
  /** distance from the camera to the object's centre, metres */
  range: number;
  tooFewPoints?: boolean;
  lowFrame?: boolean;
  /** relative depth error of the scene's depth (default RELATIVE_DEPTH_ERROR, a depth model's) */
  relativeError?: number;
}

/** One-sigma error of an object's position (or extent) along a horizontal axis, metres. */
export function horizontalSigma(o: UncertaintyInputs): number {
  const base = (o.relativeError ?? RELATIVE_DEPTH_ERROR) * Math.max(0, o.range) + VOXEL_M / 2;
  return o.tooFewPoints ? 2 * base : base;
}

/** One-sigma error of an object's height (or vertical position), metres. */
export function verticalSigma(o: UncertaintyInputs): number {
  const h = horizontalSigma(o);
  if (!o.lowFrame) return h;
  return Math.hypot(h, Math.max(0, o.range) * Math.sin(ASSUMED_TILT_RAD));
}


/** The standard normal CDF (Abramowitz & Stegun 7.1.26 erf, absolute error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
