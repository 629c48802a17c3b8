/** Boxes for the placement tests (containment.test.ts, support.test.ts). Camera at (0, 1.5, 0) looking along -Z. */
import type { BoxSpec } from '../testing/sceneBuilder';

export const table: BoxSpec = { id: 'table', caption: 'table', center: [0, 0.375, -3], size: [1.2, 0.75, 0.8] };
/** a bowl on the table and an apple in it, rising above its rim */
export const bowl: BoxSpec = { id: 'bowl', caption: 'bowl', center: [0.2, 0.8, -3.2], size: [0.25, 0.1, 0.25] };
export const apple: BoxSpec = { id: 'apple', caption: 'apple', center: [0.22, 0.84, -3.2], size: [0.08, 0.09, 0.08] };
/** a cup on the table beside the bowl */
export const cup: BoxSpec = { id: 'cup', caption: 'cup', center: [-0.3, 0.8, -3], size: [0.08, 0.1, 0.08] };
