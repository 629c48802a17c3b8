/**
 * A local-mode worker process (`--workers N`): loads the models once, then processes the items its parent
 * sends, one at a time, answering with the result or the reason it failed.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { HeadlessPipeline, ItemError } from './headless';
import type { SynthConfig } from './config';
import type { KeyedItem } from './items';
import type { ItemResult } from './records';

export type ToChild = { type: 'config'; config: SynthConfig } | { type: 'item'; item: KeyedItem };
export type FromChild =
  | { type: 'ready' }
  | { type: 'result'; key: string; result: ItemResult }
  | { type: 'failed'; key: string; reason: string; permanent: boolean };

let pipeline: HeadlessPipeline | null = null;

/**
 * Test hook: with SPATIALLENS_SYNTH_TEST_CRASH=<marker file>, the first child given an item whose name
 * contains "crash" kills itself (SIGKILL, as the OOM killer would) before finishing it.
 */
function crashHookForTests(name: string): void {
  const marker = process.env.SPATIALLENS_SYNTH_TEST_CRASH;
  if (!marker || !name.includes('crash') || existsSync(marker)) return;
  writeFileSync(marker, String(process.pid));
  process.kill(process.pid, 'SIGKILL');
}
const send = (m: FromChild): void => void process.send?.(m);

process.on('message', (m: ToChild) => {
  if (m.type === 'config') {
    pipeline = new HeadlessPipeline(m.config);
    send({ type: 'ready' });
    return;
  }
  const item = m.item;
  crashHookForTests(item.name);
  if (!pipeline) {
    send({ type: 'failed', key: item.key, reason: 'worker got an item before its config', permanent: false });
    return;
  }
  pipeline.process(item).then(
    (result) => send({ type: 'result', key: item.key, result }),
    (e: unknown) => send({ type: 'failed', key: item.key, reason: e instanceof Error ? e.message : String(e), permanent: e instanceof ItemError }),
  );
});
process.on('disconnect', () => process.exit(0));
