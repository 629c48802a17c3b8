/** A metric depth map aligned with the image: metres, row-major; 0 or NaN mean "no depth". */
export interface DepthMap {
  width: number;
  height: number;
  data: Float32Array;
}

/** An RGBA image, row-major, 4 bytes per pixel (as ImageData holds it). */
export interface RGBAImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * A point cloud lifted from a depth map. `positions` are xyz triples (metres, in the frame the producer
 * names), `colors` rgb triples, `pixel` the source pixel index (y * width + x) of each point.
 */
export interface PointCloud {
  count: number;
  positions: Float32Array;
  colors: Uint8Array;
  pixel: Uint32Array;
}
