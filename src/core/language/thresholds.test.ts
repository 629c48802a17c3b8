import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractThreshold } from './thresholds';
import { parseQuestion } from './parse';
import { SCENES } from './corpus.test-data';
import { fromUnit, type LengthUnit } from '../units/length';

describe('lengths a measure is compared with', () => {
  it('reads the comparator, the number and the unit, and leaves the measure words', () => {
    const cases: [string, string, 'above' | 'below', number][] = [
      ['Is the lamp taller than 1.6 m?', 'Is the lamp tall?', 'above', 1.6],
      ['is the sofa no more than 2 metres wide', 'is the sofa wide', 'below', 2],
      ['Is the desk at least half a metre deep?', 'Is the desk deep?', 'above', 0.5],
      ['Is the cup within 30 cm of the laptop?', 'Is the cup near the laptop?', 'below', 0.3],
      ['Is the car more than 20 feet from the camera?', 'Is the car far from the camera?', 'above', fromUnit(20, 'ft')],
      ['Is the door shorter than 6 ft 8 in?', 'Is the door tall?', 'below', fromUnit(6, 'ft') + fromUnit(8, 'in')],
      ['Is the shelf over a meter high?', 'Is the shelf high?', 'above', 1],
      ['Are the chairs less than 2,5 m apart?', 'Are the chairs apart?', 'below', 2.5],
    ];
    for (const [text, rest, op, metres] of cases) {
      const r = extractThreshold(text);
      expect(r.text, text).toBe(rest);
      expect(r.threshold?.op, text).toBe(op);
      expect(r.threshold?.metres, text).toBeCloseTo(metres, 9);
    }
  });

  it('leaves questions without a length alone', () => {
    for (const text of ['Is the lamp over the table?', 'Is the sofa more than twice as wide as the chair?', 'How tall is the lamp in feet?', 'Is the lamp taller than the sofa?', 'Is the sofa less than 3 chairs wide?']) {
      expect(extractThreshold(text), text).toEqual({ text });
    }
  });

  it('reads any length in any unit back to the same metres (unit round trip)', () => {
    const words: Record<LengthUnit, string[]> = { m: ['m', 'meters', 'metre'], cm: ['cm', 'centimetres'], mm: ['mm', 'millimeters'], ft: ['ft', 'feet', 'foot'], in: ['in', 'inches'], yd: ['yd', 'yards'] };
    fc.assert(fc.property(
      fc.constantFrom(...(Object.keys(words) as LengthUnit[])),
      fc.integer({ min: 1, max: 99999 }),
      fc.nat(5),
      (unit, hundredths, pick) => {
        const n = hundredths / 100;
        const word = words[unit][pick % words[unit].length];
        const r = extractThreshold(`Is the sofa wider than ${n} ${word}?`);
        expect(r.threshold?.metres).toBeCloseTo(fromUnit(n, unit), 9);
        expect(r.unit).toBe(unit);
      },
    ));
  });

  it('becomes the measure with its threshold; a length no measure takes is not read', () => {
    const q = (text: string) => parseQuestion(text, SCENES.living);
    expect(q('Is the floor lamp taller than 5 ft?')).toMatchObject({ status: 'ok', parsed: { query: { type: 'size', measure: 'height', a: 'lamp', threshold: { op: 'above' } }, unit: 'ft' } });
    expect(q('Is the sofa within 2 m of the tv?')).toMatchObject({ status: 'ok', parsed: { query: { type: 'pair', measure: 'distance', a: 'sofa', b: 'tv', threshold: { op: 'below', metres: 2 } } } });
    expect(q('Is the red chair closer than 3 m to the camera?')).toMatchObject({ status: 'ok', parsed: { query: { type: 'range', a: 'chairL', threshold: { op: 'below', metres: 3 } } } });
    // a position with a length is the signed offset: "more than 1 m to the right of B" is B more left by over 1 m
    expect(q('Is the tv more than 1 m to the right of the sofa?')).toMatchObject({ status: 'ok', parsed: { query: { type: 'pair', measure: 'how_much_left', a: 'sofa', b: 'tv', threshold: { op: 'above', metres: 1 } } } });
    // asked in centimetres, answered in centimetres unless another unit is asked
    expect(q('Is the coffee table wider than 90 cm, in inches?')).toMatchObject({ status: 'ok', parsed: { unit: 'in' } });
    // a difference of heights or widths against a length is that difference's measure; the shorter of two swaps them
    expect(q('Is the sofa taller than the tv by more than 2 m?')).toMatchObject({ status: 'ok', parsed: { query: { type: 'pair', measure: 'how_much_taller', a: 'sofa', b: 'tv', threshold: { op: 'above', metres: 2 } } } });
    expect(q('Is the tv more than 10 cm narrower than the sofa?')).toMatchObject({ status: 'ok', parsed: { query: { type: 'pair', measure: 'how_much_wider', a: 'sofa', b: 'tv', threshold: { op: 'above', metres: 0.1 } } } });
    // a difference of volumes is not measured (the comparison of sizes is)
    expect(q('Is the sofa bigger than the tv by more than 2 m?').status).toBe('free-form');
  });
});
