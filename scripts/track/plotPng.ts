/**
 * curve.png for the headless run, drawn in Node without a browser: a light band for value ± sigma, the
 * measured values as dots, the smoothed line (broken at gaps), gap frames shaded grey, and a zero line.
 * No text (no font rasteriser here): the numbers are in curve.csv / curve.json beside it.
 */
import { encode } from 'fast-png';
import type { Curve } from '../../src/core/sequence';

type RGB = [number, number, number];

export function plotCurvePng(curve: Curve, width = 960, height = 400): Uint8Array {
  const px = new Uint8Array(width * height * 3).fill(255);
  const set = (x: number, y: number, c: RGB) => {
    const xi = Math.round(x), yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= width || yi >= height) return;
    px.set(c, (yi * width + xi) * 3);
  };
  const line = (x0: number, y0: number, x1: number, y1: number, c: RGB, w = 1) => {
    const n = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    for (let k = 0; k <= n; k++) {
      const x = x0 + ((x1 - x0) * k) / n, y = y0 + ((y1 - y0) * k) / n;
      for (let d = -(w >> 1); d <= w >> 1; d++) { set(x, y + d, c); set(x + d, y, c); }
    }
  };
  const rows = curve.rows;
  const m = { l: 40, r: 16, t: 16, b: 30 };
  let lo = Infinity, hi = -Infinity;
  for (const r of rows) {
    if (r.value === null) continue;
    lo = Math.min(lo, r.value - (r.sigma ?? 0));
    hi = Math.max(hi, r.value + (r.sigma ?? 0));
  }
  if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
  if (curve.unit === 'm') lo = Math.min(lo, 0);
  if (hi - lo < 1e-6) hi = lo + 1;
  const pad = (hi - lo) * 0.05;
  lo -= pad; hi += pad;
  const n = Math.max(1, rows.length - 1);
  const X = (i: number) => m.l + ((width - m.l - m.r) * i) / n;
  const Y = (v: number) => m.t + ((height - m.t - m.b) * (hi - v)) / (hi - lo);
  const colW = (width - m.l - m.r) / n;
  rows.forEach((r, i) => {
    if (r.value !== null) return;
    for (let x = X(i) - colW / 2; x <= X(i) + colW / 2; x++) line(x, m.t, x, height - m.b, [232, 232, 232]);
  });
  // band: value ± sigma, column by column between neighbouring frames that both have a value
  for (let i = 0; i + 1 < rows.length; i++) {
    const a = rows[i], b = rows[i + 1];
    if (a.value === null || b.value === null) continue;
    for (let x = X(i); x <= X(i + 1); x++) {
      const t = (x - X(i)) / (X(i + 1) - X(i));
      const v = a.value + (b.value - a.value) * t;
      const s = (a.sigma ?? 0) + ((b.sigma ?? 0) - (a.sigma ?? 0)) * t;
      line(x, Y(v + s), x, Y(v - s), [205, 222, 245]);
    }
  }
  line(m.l, height - m.b, width - m.r, height - m.b, [60, 60, 60]);
  line(m.l, m.t, m.l, height - m.b, [60, 60, 60]);
  if (lo < 0 && hi > 0) line(m.l, Y(0), width - m.r, Y(0), [150, 150, 150]);
  for (let i = 0; i < rows.length; i += Math.max(1, Math.round(rows.length / 20))) line(X(i), height - m.b, X(i), height - m.b + 5, [60, 60, 60]);
  for (let i = 0; i + 1 < rows.length; i++) {
    const a = rows[i].smoothed, b = rows[i + 1].smoothed;
    if (a !== null && b !== null) line(X(i), Y(a), X(i + 1), Y(b), [25, 80, 170], 3);
  }
  rows.forEach((r, i) => {
    if (r.value === null) return;
    const c: RGB = r.flags.includes('outlier') ? [200, 40, 40] : [20, 20, 20];
    for (let dx = -2; dx <= 2; dx++) for (let dy = -2; dy <= 2; dy++) if (dx * dx + dy * dy <= 5) set(X(i) + dx, Y(r.value) + dy, c);
  });
  return encode({ width, height, data: px, channels: 3, depth: 8 });
}
