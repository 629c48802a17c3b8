/**
 * How many cloud points the 3D view draws. With a GPU, all of them. Where WebGL rasterises on the CPU
 * (no GPU, a blocked driver, a virtual machine), drawing costs about 1.5 µs a point: on the team machine
 * (Chromium's SwiftShader, 2 cores) a key press that moves the view took 290-500 ms with a 304,515-point
 * sample, 60 ms at a sixteenth of its points. There the view draws an evenly spread subset, with larger
 * points so the picture covers the same area, and says so.
 */

/** Renderer names of WebGL implementations that rasterise on the CPU (Chromium, Mesa, Windows). */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software rasterizer|basic render driver/i;

/** Points drawn under software rendering: 80-95 ms a key press on the team machine. */
export const SOFTWARE_POINT_BUDGET = 50_000;

export const isSoftwareRenderer = (name: string): boolean => SOFTWARE_RENDERERS.test(name);

/**
 * The renderer's name as the browser reports it. Chromium masks `RENDERER` ("WebKit WebGL") and gives the
 * real one through WEBGL_debug_renderer_info; Firefox gives it in `RENDERER` and warns when the extension is
 * asked for, so the extension is read only when the plain name says nothing.
 */
export function rendererName(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  const plain = String(gl.getParameter(gl.RENDERER) ?? '');
  if (plain && !/^webkit webgl$/i.test(plain)) return plain;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) ?? plain) : plain;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Indices of about `budget` of `count` points, spread evenly through the array (null: draw them all). A point
 * is kept where the golden-ratio sequence i * 0.618... (mod 1) falls below budget / count: unlike every k-th
 * point, this leaves no stripes when the cloud is an image's pixels in row order, whatever the row width.
 */
export function spreadSubset(count: number, budget: number): Uint32Array | null {
  if (count <= budget || budget <= 0) return null;
  const share = budget / count;
  const kept = new Uint32Array(budget + 2);
  let n = 0;
  let x = 0;
  for (let i = 0; i < count && n < kept.length; i++) {
    if (x < share) kept[n++] = i;
    x += GOLDEN;
    if (x >= 1) x -= 1;
  }
  return kept.slice(0, n);
}

/**
 * The angle one source pixel spans, seen from the camera that took the photo (radians): the median, over
 * neighbours in the array (pixels in row order), of their distance over their distance from `eye`. Depth
 * edges and row ends are a small share of neighbours, so the median ignores them. 0 when it cannot tell.
 */
export function angularPitch(positions: Float32Array, count: number, eye: readonly [number, number, number], samples = 20_000): number {
  if (count < 2) return 0;
  const step = Math.max(1, Math.floor((count - 1) / samples));
  const ratios: number[] = [];
  for (let i = 0; i + 1 < count; i += step) {
    const a = i * 3;
    const gap = Math.hypot(positions[a + 3] - positions[a], positions[a + 4] - positions[a + 1], positions[a + 5] - positions[a + 2]);
    const range = Math.hypot(positions[a] - eye[0], positions[a + 1] - eye[1], positions[a + 2] - eye[2]);
    if (range > 1e-6 && gap > 0) ratios.push(gap / range);
  }
  if (ratios.length === 0) return 0;
  ratios.sort((x, y) => x - y);
  return ratios[ratios.length >> 1];
}
