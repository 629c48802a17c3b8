import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { METRES_PER, formatLength, fromUnit, parseLength, roundingExponent, toUnit, type LengthUnit } from './length';
import { horizontalSigma, verticalSigma } from './uncertainty';

const sigDigits = (text: string): number => {
  const raw = text.split(' ')[0].replace('-', '');
  // integers: trailing zeros are placeholders ("1200 mm" at 10 mm resolution has 3 significant digits)
  const num = (raw.includes('.') ? raw.replace('.', '') : raw.replace(/0+$/, '')).replace(/^0+/, '');
  return Math.max(1, num.length);
};

describe('unit conversion', () => {
  it('uses the exact definitions', () => {
    expect(toUnit(0.3048, 'ft')).toBeCloseTo(1, 12);
    expect(toUnit(1, 'in')).toBeCloseTo(39.37007874, 6);
    expect(fromUnit(1, 'yd')).toBeCloseTo(0.9144, 12);
    expect(toUnit(1.5, 'cm')).toBeCloseTo(150, 9);
    expect(toUnit(0.0042, 'mm')).toBeCloseTo(4.2, 9);
  });
  it('round-trips every unit', () => {
    for (const u of Object.keys(METRES_PER) as LengthUnit[]) expect(fromUnit(toUnit(2.345, u), u)).toBeCloseTo(2.345, 12);
  });
});

describe('display', () => {
  it('metric: cm below 1 m, m above, rounded to the uncertainty', () => {
    expect(formatLength(1.234, { uncertainty: 0.1 }).text).toBe('1.2 m');
    expect(formatLength(0.373, { uncertainty: 0.01 }).text).toBe('37 cm');
    expect(formatLength(0.373).text).toBe('37.3 cm');
    expect(formatLength(2.71828).text).toBe('2.72 m');
    expect(formatLength(12.345, { uncertainty: 0.001 }).text).toBe('12.3 m');
  });
  it('keeps two digits while the error is small beside the value', () => {
    expect(formatLength(0.95, { uncertainty: 0.07 }).text).toBe('95 cm');
    expect(formatLength(0.95, { uncertainty: 0.3 }).text).toBe('1.0 m');
  });
  it('switches unit when rounding crosses the boundary', () => {
    expect(formatLength(0.996, { uncertainty: 0.05 }).text).toBe('1.0 m');
    expect(formatLength(2.003, { uncertainty: 0.07 }).text).toBe('2.0 m');
    expect(formatLength(0.9996, { uncertainty: 0.002 }).text).toBe('1.00 m');
  });
  it('imperial: inches below 3 ft, decimal feet above', () => {
    expect(formatLength(0.5, { system: 'imperial', uncertainty: 0.01 }).text).toBe('19.7 in');
    expect(formatLength(1.5, { system: 'imperial', uncertainty: 0.05 }).text).toBe('4.9 ft');
    expect(formatLength(0.9, { system: 'imperial' }).text).toBe('35.4 in');
    expect(formatLength(0.92, { system: 'imperial' }).text).toBe('3.02 ft');
  });
  it('honours an explicit unit request', () => {
    expect(formatLength(1.2, { request: 'ft', uncertainty: 0.05 }).text).toBe('3.9 ft');
    expect(formatLength(1.2, { request: 'in' }).text).toBe('47.2 in');
    expect(formatLength(0.05, { request: 'm', uncertainty: 0.01 }).text).toBe('0.05 m');
    expect(formatLength(1.2, { request: 'mm', uncertainty: 0.01 }).text).toBe('1200 mm');
    expect(formatLength(1.2, { system: 'metric', request: 'imperial', uncertainty: 0.05 }).text).toBe('3.9 ft');
    expect(formatLength(0.6, { request: 'cm' }).text).toBe('60.0 cm');
  });
  it('keeps at least one significant digit when the uncertainty exceeds the value', () => {
    expect(formatLength(0.03, { uncertainty: 0.05 }).text).toBe('3 cm');
    expect(roundingExponent(0.3, 5)).toBe(-1);
    expect(formatLength(1e-320, { uncertainty: 0.01 }).text).toBe('0 cm');
    expect(formatLength(0).text).toBe('0.00 cm');
  });
  it('round-trips through parse within the rounding, never more than 3 significant digits', () => {
    fc.assert(fc.property(
      fc.double({ min: 0.001, max: 200, noNaN: true }),
      fc.option(fc.double({ min: 0.0005, max: 2, noNaN: true }), { nil: undefined }),
      fc.constantFrom<'metric' | 'imperial'>('metric', 'imperial'),
      fc.constantFrom<undefined | LengthUnit>(undefined, 'm', 'cm', 'mm', 'ft', 'in', 'yd'),
      (v, sigma, system, request) => {
        const d = formatLength(v, { system, uncertainty: sigma, request });
        const back = parseLength(d.text);
        expect(back).not.toBeNull();
        expect(Math.abs((back as number) - v)).toBeLessThanOrEqual(d.stepMetres / 2 + 1e-9 * Math.max(1, v));
        expect(sigDigits(d.text)).toBeLessThanOrEqual(3);
        if (sigma === undefined || sigma < v / 1000) expect(d.stepMetres).toBeLessThanOrEqual(v / 10 + 1e-12);
      },
    ), { numRuns: 500 });
  });
  it('parses what people write', () => {
    expect(parseLength('4.5 ft')).toBeCloseTo(1.3716, 9);
    expect(parseLength('37 cm')).toBeCloseTo(0.37, 12);
    expect(parseLength('3 feet')).toBeCloseTo(0.9144, 12);
    expect(parseLength('12 inches')).toBeCloseTo(0.3048, 12);
    expect(parseLength('two metres')).toBeNull();
  });
});

describe('uncertainty model', () => {
  it('grows with range and doubles with few points', () => {
    expect(horizontalSigma({ range: 0 })).toBeCloseTo(0.01, 12);
    expect(horizontalSigma({ range: 5 })).toBeCloseTo(0.11, 12);
    expect(horizontalSigma({ range: 5, tooFewPoints: true })).toBeCloseTo(0.22, 12);
  });
  it('adds tilt error to vertical quantities on a low-confidence frame', () => {
    expect(verticalSigma({ range: 4 })).toBeCloseTo(horizontalSigma({ range: 4 }), 12);
    expect(verticalSigma({ range: 4, lowFrame: true })).toBeGreaterThan(horizontalSigma({ range: 4 }) * 1.5);
  });
});
