/**
 * The committed public file listings of the model repos (listings.json): which files exist at the pinned
 * revision and how many bytes each. They give the real download size before the first download and let
 * the tests prove that every file the loader requests exists.
 */
import listings from './listings.json';
import { requestedFiles, type DeviceCaps, type Manifest, type ModelEntry } from '../manifest';

interface RepoListing {
  repo: string;
  revision: string;
  sources: string[];
  files: Record<string, number>;
  inferred?: Record<string, { bytes: number; why: string }>;
  config?: Record<string, unknown>;
  preprocessor?: Record<string, unknown>;
  notes?: string;
}

const REPOS = (listings as { repos: Record<string, RepoListing> }).repos;

export function listingOf(entry: Pick<ModelEntry, 'id' | 'revision'>): RepoListing | undefined {
  return REPOS[`${entry.id}@${entry.revision}`];
}

/** Every committed listing of one repo (any revision). */
export function listingsByRepo(id: string): Record<string, RepoListing> {
  return Object.fromEntries(Object.entries(REPOS).filter(([, l]) => l.repo === id));
}

/** Bytes of a file at the entry's revision, or undefined when the listing does not have it. */
export function fileBytes(entry: Pick<ModelEntry, 'id' | 'revision'>, file: string): number | undefined {
  const l = listingOf(entry);
  return l?.files[file] ?? l?.inferred?.[file]?.bytes;
}

export interface DownloadSize {
  bytes: number;
  /** Files the listing does not know (a user override): their size is unknown, not zero. */
  unknown: string[];
}

/** What loading this entry on this device downloads (from the listing; an override falls back to approxBytes). */
export function downloadSize(entry: ModelEntry, caps: DeviceCaps): DownloadSize {
  const files = requestedFiles(entry, caps); // dtypeFor already keeps a wasmOnly entry on its WASM files
  if (!listingOf(entry)) return { bytes: entry.approxBytes ?? 0, unknown: entry.approxBytes ? [] : files };
  let bytes = 0;
  const unknown: string[] = [];
  for (const f of files) {
    const b = fileBytes(entry, f);
    if (b === undefined) unknown.push(f);
    else bytes += b;
  }
  return { bytes, unknown };
}

/** The first photo's download: every role except the on-demand VLM (and the opt-in filter when absent). */
export function photoDownloadBytes(m: Manifest, caps: DeviceCaps): number {
  const roles = [m.filter, m.objects, m.masks, m.depth].filter((e): e is ModelEntry => e !== undefined);
  return roles.reduce((sum, e) => sum + downloadSize(e, caps).bytes, 0);
}
