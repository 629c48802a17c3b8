/**
 * Pixel values through a depth model's own processor (DepthPro: resize to 1536x1536 and normalise).
 * Metric3D does not come here: its input is the reference letterbox (metric3dInput.ts).
 */
import { RawImage, type Processor, type Tensor } from '@huggingface/transformers';
import type { RGBAImage } from '../../../core/geometry/raster';

export async function depthPixelValues(processor: Processor, img: RGBAImage): Promise<Tensor> {
  const raw = new RawImage(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength), img.width, img.height, 4).rgb();
  return ((await processor(raw)) as { pixel_values: Tensor }).pixel_values;
}
