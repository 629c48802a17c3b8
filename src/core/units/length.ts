/**
 * Lengths: conversion between metres and the units people ask for, display rounding that says no more than
 * the uncertainty supports, and parsing a displayed length back.
 *
 * Display rules (one choice, used everywhere):
 * - metric: centimetres below 1 m ("37 cm"), metres from 1 m up ("1.2 m");
 * - imperial: inches below 3 ft ("14 in"), decimal feet from 3 ft up ("4.5 ft") — never "4 ft 6 in",
 *   because a decimal is what the rounding rule below can express in one place.
 * - rounding: to the decimal place of the leading digit of twice the one-sigma uncertainty (the ~95% half
 *   interval): 1.23 m ± 0.1 -> "1.2 m", 37.3 cm ± 1 -> "37 cm", 2.003 m ± 0.07 -> "2.0 m" (not "2.00 m");
 *   never more than 3 significant digits, never less than 1.
 */
/** A unit a question asks for ("in cm", "in feet") or a whole system. */
export type UnitRequest = 'm' | 'cm' | 'mm' | 'ft' | 'in' | 'yd' | 'metric' | 'imperial' | 'ft-in';

export type LengthUnit = 'm' | 'cm' | 'mm' | 'ft' | 'in' | 'yd';
export type UnitSystem = 'metric' | 'imperial';

/** Metres per unit. Imperial units are exact by definition (1 in = 25.4 mm). */
export const METRES_PER: Readonly<Record<LengthUnit, number>> = {
  m: 1,
  cm: 0.01,
  mm: 0.001,
  in: 0.0254,
  ft: 0.3048,
  yd: 0.9144,
};

export const UNIT_WORDS: Readonly<Record<LengthUnit, string>> = {
  m: 'm', cm: 'cm', mm: 'mm', in: 'in', ft: 'ft', yd: 'yd',
};

export const toUnit = (metres: number, unit: LengthUnit): number => metres / METRES_PER[unit];
export const fromUnit = (value: number, unit: LengthUnit): number => value * METRES_PER[unit];

export const MAX_SIGNIFICANT_DIGITS = 3;
export const MIN_SIGNIFICANT_DIGITS = 2;
export const MIN_EXPONENT = -6;

/** The display unit for a length, given the person's system or explicit request. */
export function displayUnit(metres: number, system: UnitSystem, request?: UnitRequest): LengthUnit {
  if (request === 'ft-in') return 'ft';
  if (request && request !== 'metric' && request !== 'imperial') return request;
  const sys: UnitSystem = request === 'metric' || request === 'imperial' ? request : system;
  const m = Math.abs(metres);
  if (sys === 'metric') return m < 1 ? 'cm' : 'm';
  return m < 3 * METRES_PER.ft ? 'in' : 'ft';
}

/**
 * Power of ten to round to: the place of the leading digit of 2 x uncertainty, but keeping between
 * MIN_SIGNIFICANT_DIGITS and MAX_SIGNIFICANT_DIGITS significant digits of the value (a 0.95 m chair measured
 * to +-7 cm reads "95 cm", not "90 cm": one digit would hide more than the uncertainty does).
 */
export function roundingExponent(value: number, uncertainty?: number): number {
  const lead0 = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
  // 0.9996 rounds up to 1.00: count digits on the rounded number, or "1.000" would show 4.
  const lead = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(roundTo(value, lead0 - (MAX_SIGNIFICANT_DIGITS - 1)))));
  const finest = lead - (MAX_SIGNIFICANT_DIGITS - 1);
  if (uncertainty === undefined || !(uncertainty > 0)) return finest;
  const fromSigma = Math.floor(Math.log10(2 * uncertainty));
  if (value === 0) return fromSigma;
  // Two digits while the error is small beside the value; one when it is not ("3 cm" at +-5 cm).
  const minDigits = 2 * uncertainty < Math.abs(value) / 4 ? MIN_SIGNIFICANT_DIGITS : 1;
  const e = Math.min(Math.max(fromSigma, finest), lead - (minDigits - 1));
  // 0.996 to two digits is 1.0, not 1.00: rounding that crosses a decade keeps the digit count.
  const crossed = Math.floor(Math.log10(Math.abs(roundTo(value, e)))) > lead;
  return crossed && minDigits > 1 ? e + 1 : e;
}

export function roundTo(value: number, exponent: number): number {
  // Work with integer multiples to avoid 0.30000000000000004-style output.
  if (exponent >= 0) {
    const step = 10 ** exponent;
    return Math.round(value / step) * step;
  }
  const f = 10 ** -exponent;
  return Math.round(value * f) / f;
}

export interface DisplayLength {
  /** "1.2 m" */
  text: string;
  /** the rounded number in `unit` */
  value: number;
  unit: LengthUnit;
  /** rounding step in metres: how far the text may be from the measured value (half of it, at most) */
  stepMetres: number;
}

function formatIn(metres: number, unit: LengthUnit, uncertainty?: number): DisplayLength {
  // Sub-nanometre values are zero for any display (and 1e-320 would overflow the rounding arithmetic).
  const raw = toUnit(metres, unit);
  const v = Math.abs(raw) < 1e-9 ? 0 : raw;
  const s = uncertainty === undefined ? undefined : toUnit(uncertainty, unit);
  // Below a micro-unit nothing we measure is meaningful (and toFixed takes at most 100 digits).
  const e = Math.max(roundingExponent(v, s), MIN_EXPONENT);
  const r = roundTo(v, e);
  const decimals = Math.max(0, -e);
  const text = `${(r === 0 ? 0 : r).toFixed(decimals)} ${UNIT_WORDS[unit]}`;
  return { text, value: r, unit, stepMetres: fromUnit(10 ** e, unit) };
}

/** A length for people: unit by system or request, rounded to what `uncertainty` (metres, 1 sigma) supports. */
export function formatLength(
  metres: number,
  opts: { system?: UnitSystem; request?: UnitRequest; uncertainty?: number } = {},
): DisplayLength {
  const system = opts.system ?? 'metric';
  if (opts.request === 'ft-in') return formatFeetInches(metres, opts.uncertainty);
  const unit = displayUnit(metres, system, opts.request);
  const d = formatIn(metres, unit, opts.uncertainty);
  // 0.996 m rounds to "100 cm": say "1.0 m" instead, as the metres rule would for that number.
  const explicit = opts.request && opts.request !== 'metric' && opts.request !== 'imperial';
  if (!explicit && unit === 'cm' && Math.abs(d.value) >= 100) return formatIn(metres, 'm', opts.uncertainty);
  if (!explicit && unit === 'in' && Math.abs(d.value) >= 36) return formatIn(metres, 'ft', opts.uncertainty);
  return d;
}

/**
 * "5 ft 11 in", for a person who asked for feet and inches: to the inch, or to the foot when twice the
 * uncertainty is a foot or more (the inches would say more than was measured).
 */
export function formatFeetInches(metres: number, uncertainty?: number): DisplayLength {
  const inches = Math.abs(metres) / METRES_PER.in;
  const step = uncertainty !== undefined && (2 * uncertainty) / METRES_PER.in >= 12 ? 12 : 1;
  const r = Math.round(inches / step) * step;
  const ft = Math.floor(r / 12);
  const inch = r - ft * 12;
  const sign = metres < 0 && r > 0 ? '-' : '';
  const text = ft === 0 ? `${sign}${inch} in` : inch === 0 ? `${sign}${ft} ft` : `${sign}${ft} ft ${inch} in`;
  return { text, value: (Math.sign(metres) || 1) * (r / 12), unit: 'ft', stepMetres: step * METRES_PER.in };
}

const PARSE_UNITS: ReadonlyArray<[RegExp, LengthUnit]> = [
  [/^(mm|millimet(er|re)s?)$/, 'mm'],
  [/^(cm|centimet(er|re)s?)$/, 'cm'],
  [/^(m|met(er|re)s?)$/, 'm'],
  [/^(in|inch|inches|")$/, 'in'],
  [/^(ft|foot|feet|')$/, 'ft'],
  [/^(yd|yds|yards?)$/, 'yd'],
];

/** Parses "1.2 m", "37 cm", "4.5 ft", "14 in", "-3 cm" back to metres; null when it is not a length. */
export function parseLength(text: string): number | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([a-zA-Z"']+)\s*$/.exec(text);
  if (!m) return null;
  const word = m[2].toLowerCase();
  for (const [re, unit] of PARSE_UNITS) if (re.test(word)) return fromUnit(Number(m[1]), unit);
  return null;
}
