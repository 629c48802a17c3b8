/**
 * The person's settings, kept in localStorage (`persist`, versioned: a setting renamed or added in a later
 * version is carried over by `migrateSettings`, never silently dropped). Actions live in the store.
 */
import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { UnitSystem } from '../core/units/length';
import type { Preset } from '../pipeline/manifest';

/** Which model set to fetch when a photo has no depth file (the pipeline's presets). */
export type ModelPreset = Preset;

export interface SettingsData {
  units: UnitSystem;
  modelPreset: ModelPreset;
  /** Base URL models are fetched from; empty means the Hugging Face Hub. */
  modelHost: string;
  /** Overlays in the 2D view. */
  showMasks: boolean;
  showDepth: boolean;
  /** Run the opt-in scene check (CLIP) on photos: a warning for screenshots and documents, a separate download. */
  sceneCheck: boolean;
}

export interface SettingsState extends SettingsData {
  setSceneCheck: (v: boolean) => void;
  setUnits: (u: UnitSystem) => void;
  setModelPreset: (p: ModelPreset) => void;
  setModelHost: (h: string) => void;
  setShowMasks: (v: boolean) => void;
  setShowDepth: (v: boolean) => void;
}

export const SETTINGS_STORAGE_KEY = 'spatiallens.settings';
/** Version of what is stored; bump it with a step in migrateSettings. */
export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS: SettingsData = { units: 'metric', modelPreset: 'standard', modelHost: '', showMasks: true, showDepth: false, sceneCheck: false };

type Persisted = Pick<SettingsData, 'units' | 'modelPreset' | 'modelHost' | 'showMasks' | 'sceneCheck'>;
const PRESETS: readonly ModelPreset[] = ['standard', 'light'];

/**
 * Stored settings of any earlier version -> this version. Version 0 (before versioning) stored the same
 * fields unchecked; values this app cannot use fall back to the defaults one by one.
 */
export function migrateSettings(stored: unknown, version: number): Persisted {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  if (version > SETTINGS_VERSION) return pickPersisted(DEFAULT_SETTINGS); // from a newer app: start clean
  return {
    units: s.units === 'imperial' || s.units === 'metric' ? s.units : DEFAULT_SETTINGS.units,
    modelPreset: PRESETS.includes(s.modelPreset as ModelPreset) ? (s.modelPreset as ModelPreset) : DEFAULT_SETTINGS.modelPreset,
    modelHost: typeof s.modelHost === 'string' ? s.modelHost.trim() : DEFAULT_SETTINGS.modelHost,
    showMasks: typeof s.showMasks === 'boolean' ? s.showMasks : DEFAULT_SETTINGS.showMasks,
    sceneCheck: typeof s.sceneCheck === 'boolean' ? s.sceneCheck : DEFAULT_SETTINGS.sceneCheck,
  };
}

const pickPersisted = (s: SettingsData): Persisted => ({ units: s.units, modelPreset: s.modelPreset, modelHost: s.modelHost, showMasks: s.showMasks, sceneCheck: s.sceneCheck });

// localStorage can throw (private mode, storage disabled): settings then live for the session only.
const browserStorage = (): Storage => {
  try {
    return localStorage;
  } catch {
    return sessionStorage;
  }
};

export const createSettingsStore = (storage: () => Storage = browserStorage) => createStore<SettingsState>()(
  persist<SettingsState, [], [], Persisted>(
    (set) => ({
      ...DEFAULT_SETTINGS,
      setSceneCheck: (sceneCheck) => set({ sceneCheck }),
      setUnits: (units) => set({ units }),
      setModelPreset: (modelPreset) => set({ modelPreset }),
      setModelHost: (modelHost) => set({ modelHost: modelHost.trim() }),
      setShowMasks: (showMasks) => set({ showMasks }),
      setShowDepth: (showDepth) => set({ showDepth }),
    }),
    {
      name: SETTINGS_STORAGE_KEY,
      version: SETTINGS_VERSION,
      migrate: (stored, version) => migrateSettings(stored, version) as unknown as SettingsState,
      storage: createJSONStorage(storage),
      partialize: (st) => pickPersisted(st),
    },
  ),
);

export const settingsStore = createSettingsStore();
