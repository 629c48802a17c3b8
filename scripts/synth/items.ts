/**
 * Inputs -> items. An input is a folder (walked; photos paired with depth PNGs and `.objects.json`
 * sidecars by the app's own pairing rules), a glob, a text file of paths or http(s) URLs (one a line, `#`
 * comments), an RGB-D index (the format of ../shared/fixtures/rgbd_index.json) or a single photo / URL.
 * Each item gets its key: sha256 over the config fingerprint, its name, what the item says besides its
 * files (an index entry's intrinsics and depth format), and the bytes of every file it reads; a URL is
 * keyed by the URL (its bytes are only fetched by the worker).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { pairFiles, SIDECAR_SUFFIX } from '../../src/io/pairFiles';
import { loadRgbdIndex, type RgbdIndexEntry } from '../lib/fixtures';

export type ItemSource =
  | { kind: 'rgbd'; entry: RgbdIndexEntry; baseDir: string }
  | { kind: 'photo'; photo: string; depth?: string; sidecar?: string };

export interface ItemSpec {
  /** As the person gave it (relative path in a folder, index id, URL): records and failures name it. */
  name: string;
  source: ItemSource;
}

export interface KeyedItem extends ItemSpec {
  key: string;
}

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const IMAGE = /\.(jpe?g|png|webp|ppm)$/i;
export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);
const posix = (p: string): string => p.split(sep).join('/');

function walk(dir: string, out: string[]): void {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (d.name.startsWith('.')) continue; // our own .work state, .git, editor files
    const p = join(dir, d.name);
    if (d.isDirectory()) walk(p, out);
    else if (d.isFile()) out.push(p);
  }
}

/** Photo items from a set of files, named relative to `root`; unusable files are reported, not dropped. */
function photoItems(files: string[], root: string, ignored: { name: string; reason: string }[]): ItemSpec[] {
  const named = files.map((f) => ({ name: posix(relative(root, f)), abs: f }));
  const { entries, ignored: ign } = pairFiles(named.map((n) => ({ name: n.name, path: n.name, abs: n.abs })));
  for (const i of ign) if (IMAGE.test(i.file.name) || i.file.name.endsWith(SIDECAR_SUFFIX)) ignored.push({ name: i.file.name, reason: i.reason });
  return entries.map((e) => ({
    name: e.photo.name,
    source: { kind: 'photo', photo: e.photo.abs, ...(e.depth ? { depth: e.depth.abs } : {}), ...(e.sidecar ? { sidecar: e.sidecar.abs } : {}) },
  }));
}

function looksLikeIndex(path: string): boolean {
  if (extname(path).toLowerCase() !== '.json' || path.endsWith(SIDECAR_SUFFIX)) return false;
  try {
    const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return Array.isArray(raw) && raw.length > 0 && typeof raw[0] === 'object' && raw[0] !== null && 'depth' in raw[0] && 'rgb' in raw[0];
  } catch {
    return false;
  }
}

/** One photo file given alone: its sidecar is `<stem>.objects.json` beside it when present. */
function singlePhoto(path: string, name: string): ItemSpec {
  const sidecar = path.replace(/\.[^.]+$/, SIDECAR_SUFFIX);
  return { name, source: { kind: 'photo', photo: path, ...(existsSync(sidecar) ? { sidecar } : {}) } };
}

export interface Expanded {
  items: ItemSpec[];
  /** Files found that are not used (a depth PNG no photo matched, two photos for one depth file...). */
  ignored: { name: string; reason: string }[];
}

/** Every input -> items (duplicates by name dropped: the same file given twice is one item). */
export function expandInputs(inputs: string[], cwd = process.cwd()): Expanded {
  const items: ItemSpec[] = [];
  const ignored: Expanded['ignored'] = [];
  const add = (input: string, from: string): void => {
    if (isUrl(input)) {
      items.push({ name: input, source: { kind: 'photo', photo: input } });
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) throw new InputError(`${input}: only http(s) URLs and local paths are read`);
    const abs = isAbsolute(input) ? input : resolve(from, input);
    if (!existsSync(abs)) {
      if (isDynamicPattern(input)) {
        const files = globSync(input, { cwd: from, absolute: true, onlyFiles: true, dot: false }).sort();
        if (files.length === 0) throw new InputError(`${input}: the pattern matches no file`);
        const withSidecars = new Set(files);
        for (const f of files) {
          const s = f.replace(/\.[^.]+$/, SIDECAR_SUFFIX);
          if (IMAGE.test(f) && existsSync(s)) withSidecars.add(s);
        }
        items.push(...photoItems([...withSidecars], from, ignored));
        return;
      }
      throw new InputError(`${input}: no such file or folder`);
    }
    const st = statSync(abs);
    if (st.isDirectory()) {
      const files: string[] = [];
      walk(abs, files);
      items.push(...photoItems(files.sort(), abs, ignored));
    } else if (looksLikeIndex(abs)) {
      const baseDir = dirname(dirname(abs));
      for (const entry of loadRgbdIndex(abs)) items.push({ name: entry.id, source: { kind: 'rgbd', entry, baseDir } });
    } else if (/\.(txt|list|lst)$/i.test(abs)) {
      const lines = readFileSync(abs, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
      for (const l of lines) add(l, dirname(abs));
    } else if (IMAGE.test(abs)) {
      items.push(singlePhoto(abs, posix(relative(cwd, abs))));
    } else {
      throw new InputError(`${input}: not a folder, photo, RGB-D index (.json), or list of paths (.txt)`);
    }
  };
  for (const i of inputs) add(i, cwd);
  const seen = new Set<string>();
  return { items: items.filter((it) => (seen.has(it.name) ? false : (seen.add(it.name), true))), ignored };
}

/** Paths an index entry reads (relative to its base folder unless absolute). */
export const indexPath = (baseDir: string, p: string): string => (isAbsolute(p) ? p : join(baseDir, p));

/** The files an item reads (local ones; a URL photo has none until a worker fetches it). */
export function itemFiles(s: ItemSource): string[] {
  if (s.kind === 'rgbd') {
    const e = s.entry;
    return [e.rgb, e.depth, ...(e.annotations ? [e.annotations] : [])].map((p) => indexPath(s.baseDir, p));
  }
  return [s.photo, s.depth, s.sidecar].filter((p): p is string => !!p && !isUrl(p));
}

/** What the item says besides its bytes (paths excluded: moving a dataset folder keeps its keys). */
function descriptor(s: ItemSource): unknown {
  if (s.kind === 'photo') return { kind: 'photo', url: isUrl(s.photo) ? s.photo : null, depth: !!s.depth, sidecar: !!s.sidecar };
  const { rgb: _r, depth: _d, annotations: _a, ...rest } = s.entry;
  return { kind: 'rgbd', ...rest };
}

/** The item's key: config fingerprint + name + descriptor + the bytes of its files. */
export function keyItem(item: ItemSpec, fingerprint: string): KeyedItem {
  const h = createHash('sha256').update(`${fingerprint}\n${item.name}\n${JSON.stringify(descriptor(item.source))}\n`);
  for (const f of itemFiles(item.source)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(f);
    } catch {
      h.update('missing\n'); // the worker fails it with the reason; a file that appears later gives a new key
      continue;
    }
    h.update(createHash('sha256').update(bytes).digest('hex')).update('\n');
  }
  return { ...item, key: h.digest('hex') };
}

/** Stable, readable, unique record id: the name's stem plus the key's head. */
export function recordId(item: KeyedItem): string {
  const stem = item.name.replace(/[?#].*$/, '').replace(/^.*\//, '').replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'item';
  return `${stem}-${item.key.slice(0, 10)}`;
}
