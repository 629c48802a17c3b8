import { useStore } from 'zustand';
import { settingsStore, type SettingsState } from './settingsStore';
import { sceneStore, type SceneState } from './sceneStore';
import { questionsStore, type QuestionsState } from './questionsStore';
import { pipelineStore, type PipelineState } from './pipelineStore';

// React reads the plain stores through these; selectors keep re-renders to what a component shows.
export function useSettings<T>(selector: (s: SettingsState) => T): T {
  return useStore(settingsStore, selector);
}
export function useScene<T>(selector: (s: SceneState) => T): T {
  return useStore(sceneStore, selector);
}
export function useQuestions<T>(selector: (s: QuestionsState) => T): T {
  return useStore(questionsStore, selector);
}
export function usePipeline<T>(selector: (s: PipelineState) => T): T {
  return useStore(pipelineStore, selector);
}
