/**
 * Follow-up questions in the app's history: "and the table?" after "how tall is the lamp?" is answered as the
 * whole question, says what it was read as, and travels as that question in a share link.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { commitRestored } from './loadScene';
import { startLoad } from './loadSequence';
import { sceneStore } from './sceneStore';
import { questionsStore } from './questionsStore';
import { ask } from './ask';
import { questionToShare } from './shareState';
import { loadedSceneInput } from './loadedScene.test-data';

// captions: chair, table, lamp
const scene = (name: string) => loadedSceneInput(name);

beforeEach(() => {
  sceneStore.setState(sceneStore.getInitialState(), true);
  questionsStore.setState(questionsStore.getInitialState(), true);
});

describe('follow-up questions in the history', () => {
  it('"and the table?" is the last answered question about the table, read as such', () => {
    const loaded = commitRestored(scene('s'), startLoad('s'))!;
    ask('How tall is the lamp?');
    ask('What colour is the wall?'); // not answered by a measurement: the follow-up skips it
    const e = ask('And the table?')!;
    expect(e.outcome).toMatchObject({ kind: 'answer', query: { type: 'size', measure: 'height', a: 'obj1' }, readAs: 'How tall is the table?' });
    expect(e.text).toBe('And the table?');
    expect(ask('Is it wider than the chair?')!.outcome).toMatchObject({ kind: 'answer', query: { type: 'relation', relation: 'wider', a: 'obj1', b: 'obj0' } });
    // a share link carries the whole question: its receiver has no conversation
    questionsStore.setState({ activeId: e.id });
    expect(questionToShare(sceneStore.getState().current!)?.text).toBe('How tall is the table?');
    expect(e.sceneKey).toBe(loaded.key);
  });

  it('a follow-up that asks which one ends when one is chosen', () => {
    // two chairs: the sample's lamp (obj2) captioned "chair" too
    const twins = loadedSceneInput('twins');
    const scene2 = twins.scene!;
    commitRestored({ ...twins, scene: { ...scene2, objects: scene2.objects.map((o) => (o.id === 'obj2' ? { ...o, caption: 'chair' } : o)) } }, startLoad('twins'));
    ask('How tall is the table?');
    const c = ask('And the chair?')!;
    expect(c.outcome.kind).toBe('clarify');
    if (c.outcome.kind !== 'clarify') return;
    const pick = c.outcome.candidates[1];
    const e = ask('And the chair?', { phrase: 'chair', id: pick.id })!;
    expect(e.outcome).toMatchObject({ kind: 'answer', query: { type: 'size', measure: 'height', a: pick.id }, readAs: 'How tall is the chair?' });
  });

  it('a new scene starts a new conversation', () => {
    commitRestored(scene('first'), startLoad('first'));
    ask('How tall is the lamp?');
    commitRestored(scene('second'), startLoad('second'));
    expect(ask('And the table?')!.outcome.kind).toBe('free-form');
  });
});
