import { createStore } from 'zustand/vanilla';
import type { DepthMap, PointCloud, RGBAImage } from '../core/geometry/raster';
import type { Intrinsics, IntrinsicsSource } from '../core/camera/intrinsics';
import type { SceneGraph } from '../core/scene/types';
import type { Visual } from '../core/reason/answer';
import type { Vec3 } from '../core/geometry/vec';

/** 'link': restored from a share link; 'file': opened from a .spatiallens scene file. */
export type SceneSourceKind = 'sample' | 'photo' | 'rgbd' | 'link' | 'file';

/** One loaded input and what the app could make of it. */
export interface LoadedScene {
  /** changes on every load: views and answers key on it */
  key: string;
  source: { kind: SceneSourceKind; name: string; title: string };
  rgb: RGBAImage;
  depth: DepthMap | null;
  intrinsics: Intrinsics;
  intrinsicsSource: IntrinsicsSource;
  intrinsicsDetail: string;
  scene: SceneGraph | null;
  cloud: PointCloud | null;
  /** Plain-language notes about what is missing (no detector, no depth model...). */
  notes: string[];
  timings?: Record<string, number>;
}

export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'info';
  text: string;
}

export interface Measurement {
  /** photo pixels clicked (working image coordinates) */
  pixels: [number, number][];
  /** the same points in the canonical frame */
  points: Vec3[];
  distance: number | null;
}

export interface SceneState {
  loading: string | null;
  notice: Notice | null;
  current: LoadedScene | null;
  /** object ids the current answer is about */
  highlight: string[];
  visuals: Visual[];
  measure: Measurement;
  /** bumps when the 3D view should go back to its home view */
  viewResets: number;
}

export const emptyMeasure = (): Measurement => ({ pixels: [], points: [], distance: null });

export interface SceneActions {
  notify(kind: Notice['kind'], text: string): void;
  dismissNotice(): void;
}

const initialScene = (): SceneState => ({
  loading: null,
  notice: null,
  current: null,
  highlight: [],
  visuals: [],
  measure: emptyMeasure(),
  viewResets: 0,
});

let noticeId = 0;
export const sceneStore = createStore<SceneState & SceneActions>()((set) => ({
  ...initialScene(),
  notify: (kind, text) => set({ notice: { id: ++noticeId, kind, text } }),
  dismissNotice: () => set({ notice: null }),
}));
export const { notify, dismissNotice } = sceneStore.getState();
