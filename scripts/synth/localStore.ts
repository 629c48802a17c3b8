/**
 * Finished work not yet in the shards, kept beside them in `<out>/.work/`: one file per result (written
 * atomically, named by key, so a result is stored once however often it is reported) and the failures.
 * A run killed half-way leaves its finished items here; the next run skips them and shards them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FailedItem, ItemResult } from './records';

export class LocalStore {
  private readonly dir: string;
  private failed: Record<string, FailedItem>;

  constructor(out: string) {
    this.dir = join(out, '.work');
    mkdirSync(join(this.dir, 'results'), { recursive: true });
    const f = join(this.dir, 'failed.json');
    this.failed = existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Record<string, FailedItem>) : {};
  }

  private path(key: string): string {
    return join(this.dir, 'results', `${key}.json`);
  }

  has(key: string): boolean {
    return existsSync(this.path(key));
  }

  /** False when the key was already stored (the result is not written again). */
  put(r: ItemResult): boolean {
    if (this.has(r.key)) return false;
    const tmp = `${this.path(r.key)}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(r));
    renameSync(tmp, this.path(r.key));
    if (this.failed[r.key]) {
      delete this.failed[r.key];
      this.saveFailed();
    }
    return true;
  }

  fail(f: FailedItem): void {
    this.failed[f.key] = f;
    this.saveFailed();
  }

  failures(): FailedItem[] {
    return Object.values(this.failed);
  }

  isFailed(key: string): boolean {
    return key in this.failed;
  }

  results(): ItemResult[] {
    return readdirSync(join(this.dir, 'results'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(this.dir, 'results', f), 'utf8')) as ItemResult);
  }

  /** After the shards hold them. */
  drop(keys: string[]): void {
    for (const k of keys) rmSync(this.path(k), { force: true });
  }

  private saveFailed(): void {
    const p = join(this.dir, 'failed.json');
    writeFileSync(`${p}.tmp`, JSON.stringify(this.failed));
    renameSync(`${p}.tmp`, p);
  }
}
