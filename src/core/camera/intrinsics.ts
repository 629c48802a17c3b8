/** Pinhole intrinsics in pixels (0-based principal point), for an image of width x height. */
export interface Intrinsics {
  fx: number;
  fy: number;
  cx: number;
  cy: number;
  width: number;
  height: number;
}

/**
 * Where a scene's intrinsics came from. `default` means nothing in the photo said: the focal length is a
 * guess (a phone main camera) and metric answers inherit that uncertainty.
 */
export type IntrinsicsSource =
  | 'explicit'
  | 'exif-35mm'
  | 'exif-focal-plane'
  | 'model-estimate'
  | 'default';
