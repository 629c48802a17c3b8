import { describe, expect, it } from 'vitest';
import { dtypeFor, entriesOf, filesOf, parseEntry, PRESETS, resolveManifest } from './manifest';
import { fileUrl, resolveModelHost } from './host';
import { detectDevice } from './device';
import { ModelDownloadError, withDownloadErrors } from './progress';

describe('manifest', () => {
  it('every preset names a model for every role, with a valid entry', () => {
    for (const preset of Object.values(PRESETS)) {
      for (const e of entriesOf(preset)) expect(parseEntry(e)).toEqual(e);
    }
    expect(PRESETS.standard.depth.id).toBe('onnx-community/metric3d-vit-small');
    expect(PRESETS.standard.vlm.id).toBe('HuggingFaceTB/SmolVLM-256M-Instruct');
  });
  it('shader-f16 decides fp16 vs fp32 per sub-model on WebGPU; SlimSAM never asks for fp16 (none at `boxes`)', () => {
    const flo = PRESETS.standard.objects;
    expect(dtypeFor(flo, { kind: 'webgpu', shaderF16: true }).embed_tokens).toBe('fp16');
    expect(dtypeFor(flo, { kind: 'webgpu', shaderF16: false }).embed_tokens).toBe('fp32');
    expect(dtypeFor(flo, { kind: 'webgpu', shaderF16: false }).decoder_model_merged).toBe('q4');
    expect(dtypeFor(PRESETS.standard.depth, { kind: 'wasm', shaderF16: false }).model).toBe('fp32');
    for (const p of Object.values(PRESETS)) for (const v of ['webgpuF16', 'webgpu', 'wasm'] as const) expect(Object.values(p.masks.dtype[v])).not.toContain('fp16');
  });
  it('the scene check runs on WASM on every device, and is left out unless asked for', () => {
    expect(dtypeFor(PRESETS.standard.filter, { kind: 'webgpu', shaderF16: true })).toEqual({ model: 'q8' });
    expect(resolveManifest('standard').filter).toBeUndefined();
    expect(resolveManifest('standard', {}, { sceneCheck: true }).filter?.id).toBe('Xenova/clip-vit-base-patch32');
  });
  it('lists every ONNX file a mirror needs across devices', () => {
    expect(filesOf(PRESETS.standard.depth)).toEqual(['config.json', 'preprocessor_config.json', 'onnx/model.onnx', 'onnx/model_fp16.onnx']);
    expect(filesOf(PRESETS.standard.objects)).not.toContain('processor_config.json');
  });
  it('overrides replace one role and reject malformed entries', () => {
    const m = resolveManifest('light', { depth: PRESETS.standard.depthAlternatives![0] });
    expect(m.depth.family).toBe('depth-pro');
    expect(() => parseEntry({ ...m.depth, id: 'no slash' })).toThrow();
  });
});

describe('model host', () => {
  it('defaults to the Hub; a setting or ?modelHost= points at a self-hosted folder (URL wins)', () => {
    expect(resolveModelHost({}).kind).toBe('hub');
    const s = resolveModelHost({ setting: 'https://models.school.example/m' });
    expect(s).toMatchObject({ kind: 'self-hosted', base: 'https://models.school.example/m/', from: 'setting' });
    const u = resolveModelHost({ search: '?modelHost=/tiny-models/', setting: 'https://x.example/', origin: 'http://localhost:4173' });
    expect(u).toMatchObject({ base: 'http://localhost:4173/tiny-models/', from: 'url' });
    expect(fileUrl(u, 'tiny/sam', 'main', 'onnx/vision_encoder.onnx')).toBe('http://localhost:4173/tiny-models/tiny/sam/onnx/vision_encoder.onnx');
    expect(fileUrl(resolveModelHost({}), 'a/b', 'main', 'config.json')).toBe('https://huggingface.co/a/b/resolve/main/config.json');
  });
});

describe('device detection', () => {
  const adapter = (f16: boolean) => ({ requestAdapter: async () => ({ features: new Set(f16 ? ['shader-f16'] : []), info: { vendor: 'google', architecture: 'swiftshader' } }) });
  it('WebGPU with and without shader-f16, WASM without an adapter', async () => {
    expect((await detectDevice({ gpu: adapter(true) })).caps).toEqual({ kind: 'webgpu', shaderF16: true });
    const noF16 = await detectDevice({ gpu: adapter(false) });
    expect(noF16.caps).toEqual({ kind: 'webgpu', shaderF16: false });
    expect(noF16.reason).toMatch(/without shader-f16: fp32/);
    expect((await detectDevice({ gpu: { requestAdapter: async () => null } })).caps.kind).toBe('wasm');
    expect((await detectDevice({ gpu: null })).reason).toMatch(/no WebGPU/);
    expect((await detectDevice({ forceWasm: true, gpu: adapter(true) })).caps.kind).toBe('wasm');
  });
  it('decides shader-f16 on the high-performance adapter the models run on, and the default one Transformers.js checks', async () => {
    const asked: (string | undefined)[] = [];
    const dual = (hp: boolean, low: boolean) => ({
      requestAdapter: async (o?: { powerPreference?: string }) => {
        asked.push(o?.powerPreference);
        const f16 = o?.powerPreference === 'high-performance' ? hp : low;
        return { features: new Set(f16 ? ['shader-f16'] : []), info: { vendor: o?.powerPreference ?? 'default' } };
      },
    });
    expect((await detectDevice({ gpu: dual(true, true) })).caps.shaderF16).toBe(true);
    expect(asked).toEqual(['high-performance', undefined]);
    // the discrete GPU lacks f16 while the integrated default has it (or the other way round): fp32
    expect((await detectDevice({ gpu: dual(false, true) })).caps.shaderF16).toBe(false);
    expect((await detectDevice({ gpu: dual(true, false) })).caps.shaderF16).toBe(false);
    expect((await detectDevice({ gpu: dual(true, false) })).adapter).toMatch(/high-performance/);
  });
});

describe('progress and download errors', () => {
  it('a failed download names the file and says what to do; runtime errors pass through', async () => {
    const host = resolveModelHost({});
    const err = await withDownloadErrors('a/b', host, async (track) => {
      track('onnx/model_fp16.onnx');
      throw new TypeError('Failed to fetch');
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ModelDownloadError);
    expect(err.message).toMatch(/a\/b\/onnx\/model_fp16\.onnx from https:\/\/huggingface\.co\//);
    expect(err.message).toMatch(/Retry.*another model host/);
    const other = await withDownloadErrors('a/b', host, async () => { throw new Error('webgpu session: shader compile'); }).catch((e) => e);
    expect(other).not.toBeInstanceOf(ModelDownloadError);
  });
});
