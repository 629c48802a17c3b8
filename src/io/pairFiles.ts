/**
 * A pile of picked files -> one entry per photo, with its depth PNG and objects sidecar when there are ones.
 * Datasets name pairs differently (SUN RGB-D `image.jpg` + `depth_mm.png`, NYU `rgb_00000.jpg` +
 * `sync_depth_00000.png`, TUM `x_color.png` + `x_depth.png`), so names are compared with the usual
 * role words removed, inside the same folder. Pure: works on anything with a name.
 */

export interface Named {
  name: string;
  /** Folder-relative path when a folder was picked (File.webkitRelativePath). */
  path?: string;
}

export interface PhotoEntry<T extends Named> {
  /** Unique within the batch (the path without extension). */
  key: string;
  photo: T;
  depth?: T;
  sidecar?: T;
}

export interface PairResult<T extends Named> {
  entries: PhotoEntry<T>[];
  /** Files that are not used, with why (shown, never dropped silently). */
  ignored: { file: T; reason: string }[];
}

export const SIDECAR_SUFFIX = '.objects.json';
const IMAGE_EXT = /\.(jpe?g|png|webp)$/i;
const ROLE_WORDS = new Set(['depth', 'rgb', 'color', 'colour', 'image', 'img', 'sync', 'mm', 'photo', 'raw']);

const fullPath = (f: Named): string => (f.path && f.path.length > 0 ? f.path : f.name);
const dirOf = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '');
const baseOf = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
const stripExt = (n: string): string => n.replace(/\.[^.]+$/, '');

/** The name with role words removed: `sync_depth_00000.png` and `rgb_00000.jpg` both give `00000`. */
export function pairKey(path: string): string {
  const words = stripExt(baseOf(path)).toLowerCase().split(/[_\-. ]+/).filter((w) => w && !ROLE_WORDS.has(w));
  return dirOf(path).toLowerCase() + words.join('_');
}

/** A depth map by name: a PNG whose name says "depth". */
export const isDepthName = (name: string): boolean => /\.png$/i.test(name) && /depth/i.test(stripExt(baseOf(name)));

export function pairFiles<T extends Named>(files: T[]): PairResult<T> {
  const photos: T[] = [];
  const depths: T[] = [];
  const sidecars: T[] = [];
  const ignored: PairResult<T>['ignored'] = [];
  for (const f of files) {
    const p = fullPath(f);
    if (p.toLowerCase().endsWith(SIDECAR_SUFFIX)) sidecars.push(f);
    else if (isDepthName(p)) depths.push(f);
    else if (IMAGE_EXT.test(p)) photos.push(f);
    else ignored.push({ file: f, reason: 'not a JPEG, PNG or WebP photo, a depth PNG or an .objects.json sidecar' });
  }
  const entries: PhotoEntry<T>[] = [];
  const used = new Set<string>();
  for (const photo of photos) {
    let key = stripExt(fullPath(photo));
    for (let n = 2; used.has(key); n++) key = `${stripExt(fullPath(photo))} (${n})`;
    used.add(key);
    entries.push({ key, photo });
  }

  const byPairKey = new Map<string, PhotoEntry<T>[]>();
  for (const e of entries) {
    const k = pairKey(fullPath(e.photo));
    byPairKey.set(k, [...(byPairKey.get(k) ?? []), e]);
  }
  for (const d of depths) {
    const group = byPairKey.get(pairKey(fullPath(d))) ?? [];
    const free = group.filter((e) => !e.depth);
    if (group.length === 1 && free.length === 1) free[0].depth = d;
    else ignored.push({ file: d, reason: group.length > 1 ? 'several photos match this depth name' : group.length === 1 ? 'its photo already has a depth file' : 'no photo with a matching name' });
  }

  for (const s of sidecars) {
    const p = fullPath(s);
    const base = p.slice(0, p.length - SIDECAR_SUFFIX.length).toLowerCase();
    const exact = entries.filter((e) => stripExt(fullPath(e.photo)).toLowerCase() === base);
    const loose = exact.length ? exact : (byPairKey.get(pairKey(`${base}.x`)) ?? []);
    if (loose.length === 1 && !loose[0].sidecar) loose[0].sidecar = s;
    else ignored.push({ file: s, reason: loose.length > 1 ? 'several photos match this sidecar name' : loose.length === 1 ? 'its photo already has a sidecar' : 'no photo with a matching name' });
  }
  return { entries, ignored };
}
