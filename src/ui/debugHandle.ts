import type { SceneViewer } from '../viewer/SceneViewer';
import { sceneStore } from '../state/sceneStore';
import { sequenceStore, type SequenceState } from '../state/sequenceStore';

/** What tests (and curious people in the console) can read: frames drawn, the loaded scene. */
export interface DebugHandle {
  readonly frames: number;
  readonly sceneKey: string | null;
  readonly objectIds: string[];
  /** the words the 3D overlay shows for the answer in view */
  readonly visualLabels: string[];
  viewer: SceneViewer | null;
  /** The Sequence view's state (frames processed, timestamps, thumbnails, notes). */
  readonly sequence: SequenceState;
}

declare global {
  interface Window {
    __spatiallens?: DebugHandle;
  }
}

const handle: DebugHandle = {
  viewer: null,
  get frames() {
    return this.viewer?.stats.frames ?? 0;
  },
  get sceneKey() {
    return sceneStore.getState().current?.key ?? null;
  },
  get sequence() {
    return sequenceStore.getState();
  },
  get objectIds() {
    return sceneStore.getState().current?.scene?.objects.map((o) => o.id) ?? [];
  },
  get visualLabels() {
    return sceneStore.getState().visuals.flatMap((v) => ('label' in v ? [v.label] : []));
  },
};

export function installDebugHandle(): DebugHandle {
  window.__spatiallens = handle;
  return handle;
}
