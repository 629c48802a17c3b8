/**
 * A uniform grid over a point set for neighbour queries: points sorted by cell, cells found through an
 * open-addressing hash on an int32 cell key (no Map, no per-point allocation).
 */
export interface VoxelGrid {
  cell: number;
  minX: number;
  minY: number;
  minZ: number;
  /** Cells per axis; a key is (iz * ny + iy) * nx + ix. */
  nx: number;
  ny: number;
  nz: number;
  /** Point indices 0..n-1 grouped by cell. */
  order: Uint32Array;
  /** Cell coordinates of each point (ix, iy, iz). */
  coords: Int32Array;
  /** Slot of the cell (in `slotKey`/`slotStart`/`slotEnd`) for a key, or -1. */
  find(key: number): number;
  slotKey: Int32Array;
  slotStart: Int32Array;
  slotEnd: Int32Array;
}

const MAX_CELLS = 2 ** 30;

/** Key of cell (ix, iy, iz), or -1 outside the grid. */
export function cellKey(g: VoxelGrid, ix: number, iy: number, iz: number): number {
  if (ix < 0 || iy < 0 || iz < 0 || ix >= g.nx || iy >= g.ny || iz >= g.nz) return -1;
  return (iz * g.ny + iy) * g.nx + ix;
}

/** Build the grid over the n points xyz[0..3n). The cell grows when the set is too large for int32 keys. */
export function buildVoxelGrid(xyz: Float32Array, n: number, cellSize: number): VoxelGrid {
  let minX = Infinity, minY = Infinity, minZ = Infinity, maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xyz[i * 3], y = xyz[i * 3 + 1], z = xyz[i * 3 + 2];
    if (x < minX) minX = x; if (x > maxX) maxX = x;
    if (y < minY) minY = y; if (y > maxY) maxY = y;
    if (z < minZ) minZ = z; if (z > maxZ) maxZ = z;
  }
  if (n === 0) minX = minY = minZ = maxX = maxY = maxZ = 0;
  let cell = Math.max(cellSize, 1e-6);
  const dims = () => [Math.floor((maxX - minX) / cell) + 1, Math.floor((maxY - minY) / cell) + 1, Math.floor((maxZ - minZ) / cell) + 1];
  let [nx, ny, nz] = dims();
  while (nx * ny * nz >= MAX_CELLS) {
    cell *= 2;
    [nx, ny, nz] = dims();
  }
  const coords = new Int32Array(n * 3);
  // key * 2^21 + index sorts by key then index with the native numeric sort (n < 2^21)
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ix = Math.floor((xyz[i * 3] - minX) / cell);
    const iy = Math.floor((xyz[i * 3 + 1] - minY) / cell);
    const iz = Math.floor((xyz[i * 3 + 2] - minZ) / cell);
    coords[i * 3] = ix; coords[i * 3 + 1] = iy; coords[i * 3 + 2] = iz;
    packed[i] = ((iz * ny + iy) * nx + ix) * 2097152 + i;
  }
  packed.sort();
  const order = new Uint32Array(n);
  let cells = 0;
  let prev = -1;
  for (let k = 0; k < n; k++) {
    const key = Math.floor(packed[k] / 2097152);
    order[k] = packed[k] - key * 2097152;
    if (key !== prev) { cells++; prev = key; }
  }
  let size = 16;
  while (size < cells * 2) size <<= 1;
  const mask = size - 1;
  const slotKey = new Int32Array(size).fill(-1);
  const slotStart = new Int32Array(size);
  const slotEnd = new Int32Array(size);
  const hash = (key: number): number => Math.imul(key, 0x9e3779b1) >>> 0;
  prev = -1;
  let slot = -1;
  for (let k = 0; k < n; k++) {
    const key = Math.floor(packed[k] / 2097152);
    if (key !== prev) {
      slot = hash(key) & mask;
      while (slotKey[slot] !== -1) slot = (slot + 1) & mask;
      slotKey[slot] = key;
      slotStart[slot] = k;
      prev = key;
    }
    slotEnd[slot] = k + 1;
  }
  const find = (key: number): number => {
    if (key < 0) return -1;
    let s = hash(key) & mask;
    for (;;) {
      const kk = slotKey[s];
      if (kk === key) return s;
      if (kk === -1) return -1;
      s = (s + 1) & mask;
    }
  };
  return { cell, minX, minY, minZ, nx, ny, nz, order, coords, find, slotKey, slotStart, slotEnd };
}

/**
 * Typical spacing of surface samples: sqrt(area / n), the area taken from the two largest 5-95 percentile
 * extents (percentiles, so a few strays do not inflate it).
 */
export function surfaceSpacing(xyz: Float32Array, n: number): number {
  if (n < 2) return 0.01;
  const step = Math.max(1, Math.floor(n / 512));
  const m = Math.ceil(n / step);
  const axis = new Float64Array(m);
  const e: number[] = [];
  for (let a = 0; a < 3; a++) {
    for (let k = 0, i = 0; i < n; i += step) axis[k++] = xyz[i * 3 + a];
    axis.sort();
    e.push(axis[Math.floor(m * 0.95)] - axis[Math.floor(m * 0.05)]);
  }
  e.sort((a, b) => b - a);
  return Math.max(1e-4, Math.sqrt((e[0] * Math.max(e[1], e[0] * 0.05)) / n));
}
