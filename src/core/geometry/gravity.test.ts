import { describe, expect, it } from 'vitest';
import { renderSyntheticScene, sampleRoomSpec } from '../testing/syntheticScene';
import { findVerticalPlanes, refineGravity, upFromWalls } from './gravity';
import { liftDepth } from './lift';
import { angleBetween, dot, normalize, type Vec3 } from './vec';

const deg = (a: Vec3, b: Vec3) => (angleBetween(a, b) * 180) / Math.PI;
const tilt = (d: number): Vec3 => [Math.sin((d * Math.PI) / 180), Math.cos((d * Math.PI) / 180), 0];

describe('gravity refinement', () => {
  it('walls pull a tilted floor normal back towards true up; the residual says how well they agree', () => {
    const up: Vec3 = [0, 1, 0];
    const floor = { normal: tilt(2), d: 1.4, share: 0.3 };
    const walls = [{ normal: [0, 0, 1] as Vec3, d: 5, share: 0.3 }, { normal: [1, 0, 0] as Vec3, d: 3, share: 0.3 }];
    const g = refineGravity(floor, [], walls);
    expect(deg(g.up, up)).toBeLessThan(1.2); // was 2: the floor and the wall that sees the tilt share the difference
    expect(g.walls).toBe(2);
    expect(g.residualDeg).toBeGreaterThan(0.3);
    // alone, the floor is kept as it is, with no residual
    const alone = refineGravity(floor, [], []);
    expect(deg(alone.up, floor.normal)).toBeLessThan(1e-3);
    expect(alone.residualDeg).toBeLessThan(1e-3);
  });
  it('a horizontal plane that disagrees by more than AGREE_DEG is left out; the move is capped', () => {
    const floor = { normal: [0, 1, 0] as Vec3, d: 1.4, share: 0.3 };
    const g = refineGravity(floor, [{ normal: tilt(4), d: 0.9, share: 0.05 }], []);
    expect(g.horizontals).toBe(0);
    expect(deg(g.up, [0, 1, 0])).toBeLessThan(1e-3);
    const slanted = refineGravity(floor, [], [{ normal: normalize([0, 0.5, 1]), d: 3, share: 1 }]);
    expect(deg(slanted.up, [0, 1, 0])).toBeLessThanOrEqual(5 + 1e-6);
  });
  it('a "wall" leaning more than WALL_AGREE_DEG from the support plane is left out (a car rear fitted with its cabin, set back)', () => {
    const road = { normal: [0, 1, 0] as Vec3, d: 1.68, share: 0.54 };
    const rear = { normal: normalize([0, Math.sin((4.7 * Math.PI) / 180), 1]), d: 5.4, share: 0.3 };
    const g = refineGravity(road, [], [rear]);
    expect(g.walls).toBe(0);
    expect(deg(g.up, [0, 1, 0])).toBeLessThan(1e-6);
    // one leaning 1.5 degrees still joins
    expect(refineGravity(road, [], [{ ...rear, normal: normalize([0, Math.sin((1.5 * Math.PI) / 180), 1]) }]).walls).toBe(1);
  });
  it('finds the wall of the sample room as a vertical plane', () => {
    const r = renderSyntheticScene(sampleRoomSpec({ pitchDeg: 15, rollDeg: 4 }));
    const walls = findVerticalPlanes(liftDepth(r.depth, r.intrinsics, {}), r.truth.upInCamera);
    expect(walls.length).toBeGreaterThanOrEqual(1);
    expect(Math.abs(90 - deg(walls[0].normal, r.truth.upInCamera))).toBeLessThan(0.2);
  });
});

describe('up from walls alone', () => {
  // a camera pitched 15 degrees down: true up is tilted towards the camera's -z
  const up: Vec3 = [0, Math.cos((15 * Math.PI) / 180), -Math.sin((15 * Math.PI) / 180)];
  const perp = (a: Vec3): Vec3 => normalize([a[0] - up[0] * (a[0] * up[0] + a[1] * up[1] + a[2] * up[2]), a[1] - up[1] * (a[0] * up[0] + a[1] * up[1] + a[2] * up[2]), a[2] - up[2] * (a[0] * up[0] + a[1] * up[1] + a[2] * up[2])]);
  const back = { normal: perp([0, 0, 1]), d: 4, share: 0.5 };
  const side = { normal: perp([1, 0, 0]), d: 2, share: 0.2 };
  const level: Vec3 = [0, 1, 0];
  it('two walls apart fix up whatever the guess', () => {
    const g = upFromWalls(level, [back, side])!;
    expect(deg(g.up, up)).toBeLessThan(1e-6);
    expect(g.residualDeg).toBeLessThan(1e-6);
    expect(g.walls).toBe(2);
  });
  it("one wall fixes the pitch; the roll is the guess's", () => {
    const g = upFromWalls(level, [back])!;
    expect(deg(g.up, up)).toBeLessThan(1e-6); // the level guess has no roll, nor has the truth
    const rolled = upFromWalls(tilt(3), [back])!;
    expect(deg(rolled.up, up)).toBeGreaterThan(2.5); // a rolled guess keeps its roll
    expect(Math.abs(rolled.up[0] * back.normal[0] + rolled.up[1] * back.normal[1] + rolled.up[2] * back.normal[2])).toBeLessThan(1e-9);
    // the direction the roll may turn in: perpendicular to up and to the wall; two walls apart leave none
    const t = rolled.freeAxis!;
    expect(Math.abs(dot(t, rolled.up)) + Math.abs(dot(t, back.normal))).toBeLessThan(1e-9);
    expect(upFromWalls(level, [back, side])!.freeAxis).toBeUndefined();
  });
  it('no wall: nothing', () => {
    expect(upFromWalls(level, [])).toBeNull();
  });
});
