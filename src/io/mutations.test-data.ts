/**
 * Hand-rolled mutations for the decoder fuzz tests: byte/char flips, cuts, splices, and structural edits of
 * a valid JSON value (replace, delete, add a key — including `__proto__`).
 */
import { mulberry32 } from '../core/geometry/prng';

export type Rng = () => number;
export const rng = (seed: number): Rng => mulberry32(seed);
const pick = (r: Rng, n: number) => Math.floor(r() * n);

/** 1–4 random edits of a byte array: flip a bit, set a byte, cut, duplicate or drop a span. */
export function mutateBytes(src: Uint8Array, r: Rng): Uint8Array {
  let b = src.slice();
  const edits = 1 + pick(r, 4);
  for (let e = 0; e < edits && b.length > 0; e++) {
    const i = pick(r, b.length);
    switch (pick(r, 6)) {
      case 0: b[i] ^= 1 << pick(r, 8); break;
      case 1: b[i] = pick(r, 256); break;
      case 2: b = b.slice(0, i); break;
      case 3: { const j = Math.min(b.length, i + 1 + pick(r, 64)); const out = new Uint8Array(b.length + (j - i)); out.set(b.subarray(0, j)); out.set(b.subarray(i), j); b = out; break; }
      case 4: { const j = Math.min(b.length, i + 1 + pick(r, 64)); const out = new Uint8Array(b.length - (j - i)); out.set(b.subarray(0, i)); out.set(b.subarray(j), i); b = out; break; }
      case 5: { const dv = new DataView(b.buffer, b.byteOffset, b.byteLength); if (i + 4 <= b.length) dv.setUint32(i, [0, 0xffffffff, 0x7fffffff, pick(r, 1 << 30)][pick(r, 4)], true); break; }
    }
  }
  return b;
}

/** The same edits on text. */
export function mutateText(src: string, r: Rng, alphabet: string): string {
  let s = src;
  const edits = 1 + pick(r, 4);
  for (let e = 0; e < edits && s.length > 0; e++) {
    const i = pick(r, s.length);
    switch (pick(r, 4)) {
      case 0: s = s.slice(0, i) + alphabet[pick(r, alphabet.length)] + s.slice(i + 1); break;
      case 1: s = s.slice(0, i); break;
      case 2: s = s.slice(0, i) + s.slice(i, i + 1 + pick(r, 32)) + s.slice(i); break;
      case 3: s = s.slice(0, i) + s.slice(i + 1 + pick(r, 32)); break;
    }
  }
  return s;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every container path in a JSON value. */
function containers(v: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (v !== null && typeof v === 'object') {
    out.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => containers(x, [...path, i], out));
    else for (const k of Object.keys(v)) containers(v[k], [...path, k], out);
  }
  return out;
}

const ODD_VALUES: Json[] = [null, -1, 0, 1e308, -0, 0.5, 'x', '', [], {}, true, 'a'.repeat(600), [1, 2, 3], { x0: 0 }, 65536, 1e-300];

/**
 * Edit a deep copy of `value` at a random container: replace a member with `replacement` or an odd value,
 * delete it, add a key (sometimes `__proto__` or `constructor`), or shuffle an array.
 */
export function mutateJson(value: unknown, r: Rng, replacement: unknown): unknown {
  const root = JSON.parse(JSON.stringify(value)) as Json;
  const edits = 1 + pick(r, 3);
  for (let e = 0; e < edits; e++) {
    // Paths again after each edit: an earlier one may have removed a branch.
    const paths = containers(root);
    const path = paths[pick(r, paths.length)];
    let node = root;
    for (const k of path) node = (node as Record<string | number, Json>)[k];
    // A fresh copy each time: a value placed twice and then edited must not become a cycle.
    const rep = JSON.parse(JSON.stringify(r() < 0.5 ? (replacement ?? null) : ODD_VALUES[pick(r, ODD_VALUES.length)])) as Json;
    if (Array.isArray(node)) {
      const i = pick(r, node.length + 1);
      const op = pick(r, 4);
      if (op === 0) node[i] = rep;
      else if (op === 1) node.splice(i, 1);
      else if (op === 2) node.push(node.length ? (JSON.parse(JSON.stringify(node[0])) as Json) : rep);
      else node.reverse();
    } else if (node && typeof node === 'object') {
      const keys = Object.keys(node);
      const op = pick(r, 4);
      if (op === 0 && keys.length) node[keys[pick(r, keys.length)]] = rep;
      else if (op === 1 && keys.length) delete node[keys[pick(r, keys.length)]];
      else if (op === 2) Object.defineProperty(node, ['__proto__', 'constructor', 'extra', 'prototype'][pick(r, 4)], { value: { polluted: 1 }, enumerable: true, configurable: true, writable: true });
      else if (keys.length) node[keys[pick(r, keys.length)]] = ODD_VALUES[pick(r, ODD_VALUES.length)];
    }
  }
  return root;
}
