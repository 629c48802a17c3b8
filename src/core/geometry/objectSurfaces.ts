/**
 * objects3d phase 3, support and wall removal (box only, with a support plane): a 2D box also holds floor
 * and background. Points in a band above the support plane (3 cm or 1% of the depth, whichever is larger)
 * are floor, and points on or behind the scene's walls are wall, unless that is most of what the box holds
 * (a painting, a window, a door: then the object is on the wall).
 */
import type { ObjectEnv } from './objectEnv';
import { dropSamples, type ObjectSample } from './objectSample';
import { findWalls, onOrBehindWall, type Wall } from './walls';

/**
 * Box only: walls are set aside when at least this share of the box's points above the floor is off them (and
 * at least minPoints): a lamp in a loose box is a tenth of it, a painting none (then the object is the wall's).
 */
const OFF_WALL_SHARE = 0.05;

export interface SurfaceRemoval {
  /** Points below this height are floor (-Infinity: nothing dropped). */
  bandY: number;
  /** Walls whose points were dropped (empty: none). */
  walls: Wall[];
}

/** The scene's walls, found once per objects3d call when a phase first needs them. */
export type WallCache = { walls: Wall[] | null };

/** The scene's walls (none without a support plane), searched for on the first call and cached. */
export function sceneWalls(env: ObjectEnv, cache: WallCache): Wall[] {
  return env.hasPlane ? (cache.walls ??= findWalls(env.depth, env.K, env.frame, { flyingPixelThreshold: env.thr })) : [];
}

export function removeSupportAndWalls(env: ObjectEnv, s: ObjectSample, boxOnly: boolean, cache: WallCache): SurfaceRemoval {
  if (!boxOnly || !env.hasPlane) return { bandY: -Infinity, walls: [] };
  const bandY = Math.max(0.03, 0.01 * s.zMed);
  const walls = sceneWalls(env, cache);
  const pts = s.pts;
  let wallsHere: Wall[] = [];
  if (walls.length > 0) {
    let above = 0, off = 0;
    for (let k = 0; k < s.n; k++) {
      if (pts[k * 3 + 1] < bandY) continue;
      above++;
      if (!onOrBehindWall(walls, pts[k * 3], pts[k * 3 + 1], pts[k * 3 + 2], s.dist[k])) off++;
    }
    if (off >= env.minPoints && off >= OFF_WALL_SHARE * above) wallsHere = walls;
  }
  dropSamples(s, (k) => pts[k * 3 + 1] < bandY || (wallsHere.length > 0 && onOrBehindWall(wallsHere, pts[k * 3], pts[k * 3 + 1], pts[k * 3 + 2], s.dist[k])));
  return { bandY, walls: wallsHere };
}
