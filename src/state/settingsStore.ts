import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { UnitSystem } from '../core/units/length';

import type { Preset } from '../pipeline/manifest';

/** Which model set to fetch when a photo has no depth file (the pipeline's presets). */
export type ModelPreset = Preset;

export interface SettingsState {
  units: UnitSystem;
  modelPreset: ModelPreset;
  /** Base URL models are fetched from; empty means the Hugging Face Hub. */
  modelHost: string;
  /** Overlays in the 2D view. */
  showMasks: boolean;
  showDepth: boolean;
  /** Run the opt-in scene check (CLIP) on photos: a warning for screenshots and documents, a separate download. */
  sceneCheck: boolean;
  setSceneCheck: (v: boolean) => void;
  setUnits: (u: UnitSystem) => void;
  setModelPreset: (p: ModelPreset) => void;
  setModelHost: (h: string) => void;
  setShowMasks: (v: boolean) => void;
  setShowDepth: (v: boolean) => void;
}

export const SETTINGS_STORAGE_KEY = 'spatiallens.settings';

export const settingsStore = createStore<SettingsState>()(
  persist(
    (set) => ({
      units: 'metric',
      modelPreset: 'standard',
      modelHost: '',
      showMasks: true,
      showDepth: false,
      sceneCheck: false,
      setSceneCheck: (sceneCheck) => set({ sceneCheck }),
      setUnits: (units) => set({ units }),
      setModelPreset: (modelPreset) => set({ modelPreset }),
      setModelHost: (modelHost) => set({ modelHost: modelHost.trim() }),
      setShowMasks: (showMasks) => set({ showMasks }),
      setShowDepth: (showDepth) => set({ showDepth }),
    }),
    {
      name: SETTINGS_STORAGE_KEY,
      // localStorage can throw (private mode, storage disabled): settings then live for the session only.
      storage: createJSONStorage(() => {
        try {
          return localStorage;
        } catch {
          return sessionStorage;
        }
      }),
      partialize: (s) => ({ units: s.units, modelPreset: s.modelPreset, modelHost: s.modelHost, showMasks: s.showMasks, sceneCheck: s.sceneCheck }),
    },
  ),
);
