/**
 * Finding the unit a person asked for ("in feet", "how many centimeters") and taking it out of the text so
 * the question patterns need not know about units.
 */
import type { UnitRequest } from '../reason/query';

const UNIT_WORDS: readonly (readonly [string, UnitRequest])[] = [
  ['feet and inches|foot and inches|ft and in', 'ft-in'],
  ['feet|foot|ft', 'ft'],
  ['inches|inch', 'in'],
  ['centimeters|centimeter|cm|cms', 'cm'],
  ['millimeters|millimeter|mm', 'mm'],
  ['meters|meter|m', 'm'],
  ['yards|yard|yd|yds', 'yd'],
  ['imperial units|imperial|us units|us customary units|freedom units', 'imperial'],
  ['metric units|metric|si units', 'metric'],
];

const UNIT_ALT = UNIT_WORDS.map(([p]) => p).join('|');

function unitOf(word: string): UnitRequest | undefined {
  for (const [p, u] of UNIT_WORDS) if (new RegExp(`^(?:${p})$`).test(word)) return u;
  return undefined;
}

/** Returns the text without its unit phrase, and the unit. "how many feet" becomes "how far" (or "how tall"). */
export function extractUnit(text: string): { text: string; unit?: UnitRequest } {
  let unit: UnitRequest | undefined;
  let t = text;
  // "in feet", ", in inches", "using metric units", "expressed in meters"
  const tail = new RegExp(`(?: ,)?(?: expressed| measured| answer| please answer)? (?:in|using|with) (${UNIT_ALT})\\b`);
  const m = tail.exec(t);
  if (m) {
    unit = unitOf(m[1]);
    t = (t.slice(0, m.index) + t.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim();
  }
  // "how many centimeters tall is" -> "how tall is"; "how many feet between" -> "how far between"
  const many = new RegExp(`\\bhow many (${UNIT_ALT})(?: (?:apart|away))?\\b( (?:tall|high|wide|deep|long)\\b)?`);
  const n = many.exec(t);
  if (n) {
    unit = unit ?? unitOf(n[1]);
    const replacement = n[2] ? `how${n[2]}` : /apart/.test(n[0]) ? 'how far apart' : 'how far';
    t = t.slice(0, n.index) + replacement + t.slice(n.index + n[0].length);
  }
  t = t.replace(/ ,$/, '').trim();
  return unit ? { text: t, unit } : { text: t };
}
