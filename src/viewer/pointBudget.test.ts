import { describe, expect, it } from 'vitest';
import { angularPitch, isSoftwareRenderer, rendererName, spreadSubset } from './pointBudget';

describe('software rendering', () => {
  it('is told from the renderer names browsers report', () => {
    // Chromium on this machine (headless, no GPU), Mesa, Windows without a driver
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.7, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(true);
    for (const gpu of ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)', 'Apple GPU', 'Mali-G78', 'Adreno (TM) 650', 'AMD Radeon Pro 5500M OpenGL Engine']) {
      expect(isSoftwareRenderer(gpu), gpu).toBe(false);
    }
  });

  it('reads the unmasked name only when RENDERER is masked', () => {
    const asked: string[] = [];
    const gl = (renderer: string) => ({
      RENDERER: 0x1f01,
      getParameter: (p: number) => (p === 0x1f01 ? renderer : p === 0x9246 ? 'llvmpipe' : null),
      getExtension: (name: string) => {
        asked.push(name);
        return { UNMASKED_RENDERER_WEBGL: 0x9246 };
      },
    }) as unknown as WebGL2RenderingContext;
    expect(rendererName(gl('Mesa Intel(R) UHD Graphics 620'))).toBe('Mesa Intel(R) UHD Graphics 620');
    expect(asked).toEqual([]);
    expect(rendererName(gl('WebKit WebGL'))).toBe('llvmpipe');
    expect(asked).toEqual(['WEBGL_debug_renderer_info']);
  });
});

describe('spreadSubset', () => {
  it('keeps everything under the budget', () => {
    expect(spreadSubset(1000, 1000)).toBeNull();
    expect(spreadSubset(10, 50_000)).toBeNull();
  });

  it('keeps about the budget, in order, inside the array', () => {
    for (const [count, budget] of [[304_515, 50_000], [1_000_003, 50_000], [50_001, 50_000], [7, 3]] as const) {
      const s = spreadSubset(count, budget)!;
      expect(Math.abs(s.length - budget), `${count} -> ${budget}`).toBeLessThanOrEqual(2);
      let unordered = 0;
      for (let i = 1; i < s.length; i++) if (s[i] <= s[i - 1]) unordered++;
      expect(unordered).toBe(0);
      expect(s[s.length - 1]).toBeLessThan(count);
    }
  });

  it('leaves no stripes in an image-ordered cloud, whatever the row width', () => {
    // every k-th point of a W-wide image keeps whole columns when k divides W; the subset must not
    for (const w of [640, 600, 512]) {
      const h = 480;
      const s = spreadSubset(w * h, Math.round((w * h) / 6))!;
      const perColumn = new Array<number>(w).fill(0);
      const perRow = new Array<number>(h).fill(0);
      for (const i of s) {
        perColumn[i % w]++;
        perRow[Math.floor(i / w)]++;
      }
      // each column and each row near a sixth of its pixels (80 of 480 per column, w / 6 per row)
      expect(Math.min(...perColumn), `width ${w}`).toBeGreaterThan((h / 6) * 0.8);
      expect(Math.max(...perColumn), `width ${w}`).toBeLessThan((h / 6) * 1.2);
      expect(Math.min(...perRow), `width ${w}`).toBeGreaterThan((w / 6) * 0.9);
      expect(Math.max(...perRow), `width ${w}`).toBeLessThan((w / 6) * 1.1);
    }
  });
});

describe('angularPitch', () => {
  it('is the angle a source pixel spans, whatever the depth of the wall it sees', () => {
    // a 64 x 48 camera with a 60 px focal length, looking at a wall 2 m away, then 5 m away
    for (const z of [2, 5]) {
      const w = 64, h = 48, f = 60;
      const pos = new Float32Array(w * h * 3);
      for (let v = 0; v < h; v++) for (let u = 0; u < w; u++) {
        const i = (v * w + u) * 3;
        pos[i] = ((u - w / 2) * z) / f;
        pos[i + 1] = 1.5 - ((v - h / 2) * z) / f;
        pos[i + 2] = -z;
      }
      // near the image centre a pixel spans 1/f radians; off-axis a little less per metre of range
      const pitch = angularPitch(pos, w * h, [0, 1.5, 0]);
      expect(pitch).toBeGreaterThan((1 / f) * 0.9);
      expect(pitch).toBeLessThan((1 / f) * 1.01);
    }
  });

  it('says 0 when there is nothing to measure', () => {
    expect(angularPitch(new Float32Array(3), 1, [0, 0, 0])).toBe(0);
  });
});
