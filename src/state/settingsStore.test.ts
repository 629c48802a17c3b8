import { describe, expect, it } from 'vitest';
import { createSettingsStore, DEFAULT_SETTINGS, migrateSettings, SETTINGS_STORAGE_KEY, SETTINGS_VERSION } from './settingsStore';

/** A Storage over a Map (each test its own: no store shared between tests). */
function memoryStorage(init: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(init));
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('settings persistence', () => {
  it('settings saved before versioning (version 0) open through the migration, bad values back to defaults', () => {
    const storage = memoryStorage({
      [SETTINGS_STORAGE_KEY]: JSON.stringify({ state: { units: 'imperial', modelPreset: 'huge', modelHost: ' https://m.example/ ', showMasks: false, sceneCheck: 'yes' }, version: 0 }),
    });
    const s = createSettingsStore(() => storage).getState();
    expect([s.units, s.modelPreset, s.modelHost, s.showMasks, s.sceneCheck]).toEqual(['imperial', 'standard', 'https://m.example/', false, false]);
    s.setUnits('metric');
    const saved = JSON.parse(storage.getItem(SETTINGS_STORAGE_KEY) ?? '{}');
    expect(saved.version).toBe(SETTINGS_VERSION);
    expect(saved.state).toEqual({ units: 'metric', modelPreset: 'standard', modelHost: 'https://m.example/', showMasks: false, sceneCheck: false });
  });

  it('the current version is read as saved; actions and the transient depth toggle are never stored', () => {
    const storage = memoryStorage();
    const a = createSettingsStore(() => storage);
    a.getState().setModelPreset('light');
    a.getState().setShowDepth(true);
    const b = createSettingsStore(() => storage).getState();
    expect([b.modelPreset, b.showDepth]).toEqual(['light', false]);
    expect(Object.keys(JSON.parse(storage.getItem(SETTINGS_STORAGE_KEY) ?? '{}').state).sort()).toEqual(['modelHost', 'modelPreset', 'sceneCheck', 'showMasks', 'units']);
  });

  it('settings from a newer app version are not guessed at', () => {
    const { units, modelPreset } = migrateSettings({ units: 'imperial', modelPreset: 'light' }, SETTINGS_VERSION + 1);
    expect({ units, modelPreset }).toEqual({ units: DEFAULT_SETTINGS.units, modelPreset: DEFAULT_SETTINGS.modelPreset });
  });
});
