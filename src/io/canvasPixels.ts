/**
 * The canvas round trip every decode fallback shares: draw an image (bitmap or decoded frame) at a size,
 * read its RGBA back. Works in a window and in a worker.
 */
import type { RGBAImage } from '../core/geometry/raster';
import { ImageInputError } from './imageLimits';

function canvasFor(width: number, height: number): OffscreenCanvas | HTMLCanvasElement {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

/** `source` drawn at `width` x `height` (a VideoFrame's EXIF rotation and flip are applied by drawImage). */
export function drawToRgba(source: ImageBitmap | VideoFrame, width: number, height: number, quality: ImageSmoothingQuality = 'high'): RGBAImage {
  const ctx = canvasFor(width, height).getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (!ctx) throw new ImageInputError('This browser cannot draw images into a canvas.');
  ctx.imageSmoothingQuality = quality;
  ctx.drawImage(source, 0, 0, width, height);
  return { width, height, data: ctx.getImageData(0, 0, width, height).data };
}
