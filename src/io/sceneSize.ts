/**
 * Declared image sizes in a scene from a link or a scene file: the camera's, the scene image's and every
 * mask's. The schema allows 32768 px a side; a 3 KB link declaring 32768 x 32768 once made the app build
 * gigapixel rasters. Sizes are now capped by pixel count here, and the app draws every raster at the
 * working size whatever the declared size (state/restoredImage.ts, ui/maskRaster.ts).
 */
import type { SceneGraph } from '../core/scene/types';
import { declaredSizeProblem } from './imageLimits';

export function sceneSizeProblem(scene: SceneGraph): string | null {
  const K = scene.camera.intrinsics;
  const bad =
    declaredSizeProblem(scene.image.width, scene.image.height, 'scene image') ??
    declaredSizeProblem(K.width, K.height, 'camera');
  if (bad) return bad;
  for (const o of scene.objects) {
    const m = o.mask && declaredSizeProblem(o.mask.width, o.mask.height, `mask of "${o.id.slice(0, 40)}"`);
    if (m) return m;
  }
  return null;
}
