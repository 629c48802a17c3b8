/** A loaded scene as the state tests commit it: a tiny photo, no depth, and the sample scene's objects. */
import { sampleScene } from '../io/scenes.test-data';
import type { LoadedScene } from './sceneStore';

/** `objects` sample objects (captions chair, table, lamp, ...), from a file called `name`. */
export const loadedSceneInput = (name: string, objects = 3): Omit<LoadedScene, 'key'> => ({
  source: { kind: 'file', name, title: name },
  rgb: { width: 4, height: 3, data: new Uint8ClampedArray(48) },
  depth: null,
  intrinsics: { fx: 1, fy: 1, cx: 2, cy: 1.5, width: 4, height: 3 },
  intrinsicsSource: 'explicit',
  intrinsicsDetail: '',
  scene: sampleScene(objects),
  cloud: null,
  notes: [],
});
