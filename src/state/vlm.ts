/**
 * Free-form questions (the parser's `free-form`) go to the small VLM through the pipeline. The VLM is only
 * downloaded after the person accepts (its size is shown first); its answer streams token by token into
 * the history entry, marked as the VLM's words (not measured), and Stop interrupts it. When it cannot load
 * (no reachable model host) the entry says so and everything else keeps working.
 */
import type { HistoryEntry, Outcome } from './questionsStore';
import { questionsStore } from './questionsStore';
import { pipelineStore, type FileProgress } from './pipelineStore';
import { sceneStore } from './sceneStore';
import { settingsStore } from './settingsStore';
import { getPipeline } from './runModels';
import { resolveManifest, type DeviceCaps } from '../pipeline/manifest';
import { downloadSize } from '../pipeline/hub/listing';
import { effectiveModelHost } from './modelHostCheck';

type FreeForm = Extract<Outcome, { kind: 'free-form' }>;

/** The VLM this session would use, and whether it is already in memory (then no confirmation is needed). */
export function vlmInfo(): { model: string; approxBytes: number; loaded: boolean; host: string } {
  const { modelPreset } = settingsStore.getState();
  const entry = resolveManifest(modelPreset).vlm;
  const host = effectiveModelHost();
  const d = pipelineStore.getState().device;
  // before the device is known, the size on WebGPU without shader-f16 (the largest variant) is shown
  const caps: DeviceCaps = d.kind === 'wasm' ? { kind: 'wasm', shaderF16: false } : { kind: 'webgpu', shaderF16: d.kind === 'webgpu' && d.shaderF16 };
  return { model: entry.id, approxBytes: downloadSize(entry, caps).bytes, loaded: pipelineStore.getState().loadedModels.includes(entry.id), host: host.base };
}

/** The outcome `ask` records for a free-form question: ask first, unless the VLM is already loaded. */
export function freeFormOutcome(): FreeForm {
  const info = vlmInfo();
  return info.loaded ? { kind: 'free-form', vlm: 'loading', model: info.model } : { kind: 'free-form', vlm: 'confirm', model: info.model, downloadBytes: info.approxBytes };
}

function update(id: number, patch: Partial<FreeForm>): void {
  questionsStore.setState((s) => ({
    history: s.history.map((h) => (h.id === id && h.outcome.kind === 'free-form' ? { ...h, outcome: { ...h.outcome, ...patch } } : h)),
  }));
}

const freeFormOf = (id: number): FreeForm | null => {
  const o = questionsStore.getState().history.find((h) => h.id === id)?.outcome;
  return o?.kind === 'free-form' ? o : null;
};

const running = new Map<number, AbortController>();

/** Download progress of the VLM's files (from the pipeline store). */
export function vlmDownload(files: Record<string, FileProgress>, model: string): { loaded: number; total: number } {
  let loaded = 0;
  let total = 0;
  for (const f of Object.values(files)) {
    if (f.model !== model) continue;
    loaded += f.loaded;
    total += f.total;
  }
  return { loaded, total };
}

/** Words for a load or run failure: what happened and that measured questions still work. */
export function vlmErrorMessage(e: unknown, host: string): string {
  const msg = e instanceof Error ? e.message : String(e);
  return `The small VLM could not be loaded or run (${msg.slice(0, 300)}). It comes from ${host}; if that host cannot be reached, set one you can reach in Settings. Measured questions still work without it.`;
}

/** Runs the VLM for one free-form entry (after the person accepted, or with the VLM already loaded). */
export async function answerWithVlm(entry: HistoryEntry): Promise<void> {
  const id = entry.id;
  if (running.has(id) || !freeFormOf(id)) return;
  const current = sceneStore.getState().current;
  if (!current || current.key !== entry.sceneKey) {
    update(id, { vlm: 'error', error: 'This question was asked about another photo: ask it again on the current one.' });
    return;
  }
  const controller = new AbortController();
  running.set(id, controller);
  update(id, { vlm: 'loading', text: '', error: undefined });
  const info = vlmInfo();
  try {
    const pipeline = await getPipeline();
    if (controller.signal.aborted) return;
    let text = '';
    const asked = entry.outcome.kind === 'free-form' && entry.outcome.readAs ? entry.outcome.readAs : entry.text;
    const final = await pipeline.ask(current.rgb, asked, current.scene, (t) => {
      if (controller.signal.aborted) return;
      text += t;
      update(id, { vlm: 'streaming', text });
    }, controller.signal);
    if (!controller.signal.aborted) update(id, { vlm: 'answered', text: final || text });
  } catch (e) {
    if (!controller.signal.aborted) update(id, { vlm: 'error', error: vlmErrorMessage(e, info.host) });
  } finally {
    running.delete(id);
  }
}

/** Stop: the answer so far stays, marked as stopped; late tokens are ignored. */
export function stopVlm(id: number): void {
  const c = running.get(id);
  if (!c) return;
  c.abort();
  const o = freeFormOf(id);
  update(id, { vlm: 'stopped', text: o?.text ?? '' });
}

/** "No thanks": the entry says the VLM was not used. */
export function declineVlm(id: number): void {
  update(id, { vlm: 'not-loaded' });
}
