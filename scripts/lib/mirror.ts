/**
 * Mirrors the manifest's model files into a folder laid out for self-hosting (<dir>/<owner>/<name>/<file>,
 * served with `?modelHost=<url of dir>`). Checks the source host first so an offline machine fails in
 * seconds with a message that says what to do, instead of timing out file by file.
 */
import { mkdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { entriesOf, filesOf, type Manifest } from '../../src/pipeline/manifest';

export class MirrorError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
    this.name = 'MirrorError';
  }
}

export interface MirrorOptions {
  dir: string;
  manifest: Manifest;
  /** Source host, default the Hugging Face Hub. Files are read at <host><id>/resolve/<revision>/<file>. */
  host?: string;
  /** Per-request timeout for the reachability check and each file's first byte. */
  timeoutMs?: number;
  log?: (line: string) => void;
  fetchImpl?: typeof fetch;
}

const reason = (e: unknown): string => {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError') return 'no answer before the timeout';
  return err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
};

export async function mirrorModels(o: MirrorOptions): Promise<{ files: number; bytes: number }> {
  const host = (o.host ?? 'https://huggingface.co/').replace(/\/?$/, '/');
  const log = o.log ?? (() => {});
  const f = o.fetchImpl ?? fetch;
  const timeout = o.timeoutMs ?? 10_000;
  try {
    await f(host, { method: 'HEAD', signal: AbortSignal.timeout(timeout) });
  } catch (e) {
    throw new MirrorError(
      `Cannot reach the model host ${host} (${reason(e)}).\n` +
        'Mirroring needs that host. Run `npm run models:mirror -- <dir>` on a machine that can reach it and ' +
        'copy the folder over, or point --host at another mirror that can be reached from here.',
      2,
    );
  }
  let files = 0;
  let bytes = 0;
  for (const entry of entriesOf(o.manifest)) {
    for (const file of filesOf(entry)) {
      const url = `${host}${entry.id}/resolve/${encodeURIComponent(entry.revision)}/${file}`;
      const out = join(o.dir, entry.id, file);
      if (existsSync(out) && statSync(out).size > 0) {
        log(`  cached  ${entry.id}/${file}`);
        files++;
        continue;
      }
      let res: Response;
      try {
        res = await f(url, { signal: AbortSignal.timeout(timeout) });
      } catch (e) {
        throw new MirrorError(`Download of ${entry.id}/${file} failed (${reason(e)}) from ${url}. Re-run to resume; finished files are kept.`, 1);
      }
      if (!res.ok) {
        throw new MirrorError(`Download of ${entry.id}/${file} failed: HTTP ${res.status} from ${url}. Check the manifest's revision and dtype for this model.`, 1);
      }
      const body = new Uint8Array(await res.arrayBuffer());
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, body);
      files++;
      bytes += body.length;
      log(`  ${(body.length / 1e6).toFixed(1).padStart(7)} MB  ${entry.id}/${file}`);
    }
  }
  writeFileSync(join(o.dir, 'spatiallens-manifest.json'), JSON.stringify(o.manifest, null, 2));
  return { files, bytes };
}
