/** Object colours shared by the 2D overlay and the 3D boxes, so an object looks the same in both views. */
const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45', '#469990', '#9a6324', '#800000', '#000075'];

export function objectColor(index: number): string {
  return PALETTE[index % PALETTE.length];
}

/** Turbo-like colour ramp for depth, t in 0..1 (near = warm). */
export function depthRamp(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t));
  // Polynomial fit of Google's Turbo colormap (Mikhailov 2019), reversed so near is red.
  const s = 1 - x;
  const r = 0.1357 + s * (4.5974 - s * (42.3277 - s * (130.5887 - s * (150.5666 - s * 58.1375))));
  const g = 0.0914 + s * (2.1856 + s * (4.8052 - s * (14.0195 - s * (4.2109 + s * 2.7747))));
  const b = 0.1067 + s * (12.5925 - s * (60.1097 - s * (109.0745 - s * (88.5066 - s * 26.8183))));
  const c = (v: number) => Math.round(255 * Math.min(1, Math.max(0, v)));
  return [c(r), c(g), c(b)];
}
