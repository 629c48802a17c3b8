import { describe, expect, it } from 'vitest';
import type { ParsedQuestion, Query } from '../reason/query';
import { SCENES } from './corpus.test-data';
import { parseInConversation, readFollowUp } from './followUp';
import { parseQuestion } from './parse';

const scene = SCENES.living;
const caption = (id: string) => scene.objects.find((o) => o.id === id)?.caption ?? id;
const first = (text: string): ParsedQuestion => {
  const r = parseQuestion(text, scene);
  if (r.status !== 'ok') throw new Error(`${text}: ${r.status}`);
  return r.parsed;
};
const follow = (previous: string, text: string) => parseInConversation(text, scene, first(previous), caption);
const queryOf = (r: ReturnType<typeof follow>): Query | string => (r.result.status === 'ok' ? r.result.parsed.query : r.result.status);

describe('follow-up questions', () => {
  it('"and the X?" asks the previous question of another object; "from X" replaces the second', () => {
    expect(queryOf(follow('How tall is the tv?', 'And the potted plant?'))).toEqual({ type: 'size', measure: 'height', a: 'plant' });
    expect(queryOf(follow('Is the sofa left of the tv?', 'What about the floor lamp?'))).toEqual({ type: 'relation', form: 'yesno', relation: 'left', a: 'lamp', b: 'tv' });
    expect(queryOf(follow('How far is the sofa from the tv?', 'And from the potted plant?'))).toEqual({ type: 'pair', measure: 'distance', a: 'sofa', b: 'plant' });
    expect(queryOf(follow('Is the sofa wider than the tv?', 'how about than the coffee table'))).toEqual({ type: 'relation', form: 'yesno', relation: 'wider', a: 'sofa', b: 'table' });
  });

  it('"it" is the previous question\'s object, "they" its two', () => {
    expect(queryOf(follow('How tall is the floor lamp?', 'How wide is it?'))).toEqual({ type: 'size', measure: 'width', a: 'lamp' });
    expect(queryOf(follow('How tall is the floor lamp?', 'Is it taller than the sofa?'))).toEqual({ type: 'relation', form: 'yesno', relation: 'taller', a: 'lamp', b: 'sofa' });
    expect(queryOf(follow('Is the sofa bigger than the tv?', 'How far apart are they?'))).toEqual({ type: 'pair', measure: 'distance', a: 'sofa', b: 'tv' });
    expect(queryOf(follow('Is the sofa bigger than the tv?', 'Which of them is taller?'))).toEqual({ type: 'relation', form: 'choice', relation: 'taller', a: 'sofa', b: 'tv' });
  });

  it('says what the follow-up was read as, keeps the previous unit, and reads "and in feet?"', () => {
    const r = follow('How tall is the tv in feet?', 'And the sofa?');
    expect(r.readAs).toBe('How tall is the sofa?');
    expect(r.result).toMatchObject({ status: 'ok', text: 'And the sofa?', parsed: { query: { type: 'size', measure: 'height', a: 'sofa' }, unit: 'ft' } });
    expect(follow('How tall is the tv?', 'And in centimetres?').result).toMatchObject({ status: 'ok', parsed: { query: { a: 'tv' }, unit: 'cm' } });
  });

  it('an ambiguous object asks which one, as any question does', () => {
    expect(follow('How tall is the tv?', 'And the chair?').result).toMatchObject({ status: 'clarify', candidates: ['chairL', 'chairR'] });
  });

  it('a question that reads alone is read alone; one that is no follow-up stays free-form', () => {
    expect(follow('How tall is the tv?', 'How wide is the sofa?').readAs).toBeUndefined();
    expect(queryOf(follow('How tall is the tv?', 'Is it true that the sofa is wider than the tv?'))).toEqual({ type: 'relation', form: 'yesno', relation: 'wider', a: 'sofa', b: 'tv' });
    // a question for the VLM about "it" is asked of the object
    expect(follow('How tall is the tv?', 'What color is it?')).toEqual({ result: { status: 'free-form', text: 'What color is it?' }, readAs: 'What color is the tv?' });
    expect(follow('How tall is the tv?', 'Is it left of them?').result.status).toBe('free-form');
    // an "it" that stands for no object is left alone, for the VLM as typed
    for (const t of ['Is it raining?', 'What time is it?', 'Is it daytime or night?']) expect(follow('How tall is the tv?', t), t).toEqual({ result: { status: 'free-form', text: t } });
    expect(parseInConversation('And the sofa?', scene, null, caption).result.status).toBe('free-form');
    expect(readFollowUp('And how tall is the sofa?', first('How wide is the tv?').query, caption)).toBeNull();
  });
});
