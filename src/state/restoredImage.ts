/**
 * The image a restored scene (share link, scene file) is drawn on: always at the working size of the
 * scene's declared image, whatever that declares, so a link claiming 32768 x 32768 px costs a 1 MP
 * raster. Boxes and masks are scaled to it when drawn (ui/PhotoView.tsx, ui/maskRaster.ts).
 */
import type { RGBAImage } from '../core/geometry/raster';
import type { SceneGraph } from '../core/scene/types';
import { workingSize } from '../io/imageLimits';
import { decodeImageBytesTo } from '../io/photoDecode';

export function restoredImageSize(scene: SceneGraph): { width: number; height: number } {
  return workingSize(scene.image.width, scene.image.height);
}

/** A flat dark image: boxes are drawn on it until (unless) the photo comes. */
export function placeholderImage(width: number, height: number): RGBAImage {
  const data = new Uint8ClampedArray(width * height * 4);
  const px = new Uint32Array(data.buffer);
  // RGBA 38, 44, 54, 255 as one little-endian word
  px.fill((255 << 24) | (54 << 16) | (44 << 8) | 38);
  return { width, height, data };
}

/**
 * A link's thumbnail or a scene file's photo at the scene's working size, through the photo decoder
 * (same header limits as a dropped photo; thumbnails may be small). Null, with the reason, when it
 * cannot be used: the scene is then shown on the placeholder.
 */
export async function restoredPhoto(bytes: Uint8Array, mime: string, name: string, scene: SceneGraph, thumbnail: boolean): Promise<{ rgb: RGBAImage } | { error: string }> {
  try {
    return { rgb: await decodeImageBytesTo(bytes, mime, name, restoredImageSize(scene), thumbnail ? { minSide: 1, what: 'thumbnail' } : {}) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
