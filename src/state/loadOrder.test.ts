/**
 * Load ordering (issue 14): only the latest load commits, whatever order loads finish in; a superseded
 * load is cancelled and silent; a question asked while a scene loads is held and answered on the scene
 * the load leaves.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commitRestored, failLoad } from './loadScene';
import { startLoad, SupersededLoad } from './loadSequence';
import { sceneStore } from './sceneStore';
import { questionsStore } from './questionsStore';
import { ask } from './ask';
import { loadedSceneInput } from './loadedScene.test-data';

const scene = (name: string) => loadedSceneInput(name);

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

// every test starts from the stores' initial state (the module-level stores are the app's; nothing carries over)
beforeEach(() => {
  sceneStore.setState(sceneStore.getInitialState(), true);
  questionsStore.setState(questionsStore.getInitialState(), true);
});

describe('load ordering', () => {
  it('a slow earlier load finishing last does not overwrite the newer one; it is cancelled', async () => {
    const big = startLoad('big photo');
    const sample = startLoad('sample');
    expect(big.signal.aborted).toBe(true);
    expect(commitRestored(scene('sample'), sample)?.source.name).toBe('sample');
    expect(commitRestored(scene('big'), big)).toBeNull();
    expect(sceneStore.getState().current?.source.name).toBe('sample');
    expect(sceneStore.getState().loading).toBeNull();
  });

  it('a superseded load that fails says nothing and leaves the spinner of the newer one', () => {
    const a = startLoad('a');
    startLoad('b');
    failLoad(new Error('boom'), a);
    failLoad(new SupersededLoad(), a);
    expect(sceneStore.getState().notice).toBeNull();
    expect(sceneStore.getState().loading).toBe('b');
  });

  it('property: for any start order and finish order, the scene on screen is the last one started', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 6 }), async (delays) => {
        sceneStore.setState({ loading: null, current: null });
        const runs = delays.map((d, i) => {
          const t = startLoad(`load ${i}`);
          return tick(d).then(() => commitRestored(scene(`s${i}`), t));
        });
        await Promise.all(runs);
        expect(sceneStore.getState().current?.source.name).toBe(`s${delays.length - 1}`);
        expect(sceneStore.getState().loading).toBeNull();
      }),
      { numRuns: 25 },
    );
  });
});

describe('questions asked while a scene loads', () => {
  it('are held (text kept, said so) and answered on the new scene', () => {
    const first = startLoad('first');
    commitRestored(scene('old'), first);
    const t = startLoad('new');
    questionsStore.setState({ draft: 'how wide is the chair?' });
    expect(ask('how wide is the chair?')).toBeNull();
    expect(questionsStore.getState().pending).toBe('how wide is the chair?');
    expect(questionsStore.getState().draft).toBe('how wide is the chair?');
    expect(questionsStore.getState().history).toHaveLength(0);
    const loaded = commitRestored(scene('new'), t)!;
    const { history, pending } = questionsStore.getState();
    expect(pending).toBeNull();
    expect(history).toHaveLength(1);
    expect(history[0].sceneKey).toBe(loaded.key);
    expect(history[0].text).toBe('how wide is the chair?');
  });

  it('are answered on the old scene when the load fails', () => {
    const old = commitRestored(scene('old'), startLoad('first'))!;
    const t = startLoad('broken');
    ask('how tall is it?');
    failLoad(new Error('bad file'), t);
    const { history } = questionsStore.getState();
    expect(history).toHaveLength(1);
    expect(history[0].sceneKey).toBe(old.key);
    // answered, not swallowed by the "could not be answered" fallback
    expect(history[0].outcome.kind).not.toBe('error');
  });

  it('the history is bounded', () => {
    commitRestored(scene('s'), startLoad('s'));
    for (let i = 0; i < 260; i++) ask(`question ${i}`);
    const h = questionsStore.getState().history;
    expect(h.length).toBe(200);
    expect(h[h.length - 1].text).toBe('question 259');
  });
});
