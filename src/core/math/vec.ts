/** The vector and matrix shapes every core module shares (helpers over them: core/geometry/vec.ts). Matrices are row-major 3x3. */
export type Vec3 = [number, number, number];
export type Mat3 = [number, number, number, number, number, number, number, number, number];
