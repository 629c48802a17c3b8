/** Small fixed-size vector and matrix helpers. Matrices are row-major 3x3 as 9-number arrays. */
import type { Mat3, Vec3 } from '../math/vec';

export type { Mat3, Vec3 } from '../math/vec';

export const vec3 = (x: number, y: number, z: number): Vec3 => [x, y, z];
export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const norm = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
export const normalize = (a: Vec3): Vec3 => {
  const n = norm(a);
  return n > 0 ? [a[0] / n, a[1] / n, a[2] / n] : [0, 0, 0];
};
export const distance = (a: Vec3, b: Vec3): number => norm(sub(a, b));
/** The unit direction of a's part perpendicular to the unit vector n (a turned onto the plane normal to n). */
export const perpendicularTo = (a: Vec3, n: Vec3): Vec3 => {
  const k = dot(a, n);
  return normalize([a[0] - k * n[0], a[1] - k * n[1], a[2] - k * n[2]]);
};
export const angleBetween = (a: Vec3, b: Vec3): number => {
  const c = dot(normalize(a), normalize(b));
  return Math.acos(Math.min(1, Math.max(-1, c)));
};


export const mulMatVec = (m: Mat3, v: Vec3): Vec3 => [
  m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
  m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
  m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
];

export const mulMat = (a: Mat3, b: Mat3): Mat3 => {
  const r = new Array<number>(9).fill(0);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++)
      r[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
  return r as Mat3;
};

export const transpose = (m: Mat3): Mat3 => [m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]];

/** Rows are the images of the canonical axes: builds R with R·v expressing v in the (x, y, z) basis. */
export const matFromRows = (x: Vec3, y: Vec3, z: Vec3): Mat3 => [...x, ...y, ...z] as Mat3;
