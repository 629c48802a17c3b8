import type { Vec3 } from '../geometry/vec';
import type { Query } from './query';

export type Verdict = 'yes' | 'no' | 'about-the-same';

/** A number measured in the scene, in metres (or radians/clock hours where `unit` says so). */
export interface Quantity {
  label: string;
  value: number;
  unit: 'm' | 'm3' | 'deg' | 'clock' | 'count' | 'ratio';
  /** One-sigma uncertainty in the same unit, where known. */
  uncertainty?: number;
  /** A step of the method (tie margins, signed differences), shown one click deeper than the plain "why". */
  technical?: boolean;
}

/** What the viewer can draw for an answer. */
export type Visual =
  | { kind: 'line'; from: Vec3; to: Vec3; label: string }
  | { kind: 'height-bar'; base: Vec3; top: Vec3; label: string }
  | { kind: 'arrow'; from: Vec3; to: Vec3; label: string }
  | { kind: 'highlight'; objectIds: string[] };

export interface Evidence {
  objects: string[];
  quantities: Quantity[];
  visuals: Visual[];
}

export interface Step {
  description: string;
  answer: Answer;
}

export interface Answer {
  query: Query;
  /** yes/no questions */
  verdict?: Verdict;
  /** choice / extreme questions: the chosen object id (absent on a tie) */
  choice?: string;
  /** ordering questions: object ids in order */
  order?: string[];
  /** numeric answers, metres for lengths */
  value?: number;
  unit?: 'm' | 'clock' | 'count';
  /** clock direction and words for direction answers */
  direction?: { clock: number; words: string };
  /** 0..1 */
  confidence: number;
  /** Why confidence is reduced (low frame confidence, too few points...). */
  caveats: string[];
  evidence: Evidence;
  /** composite questions: the primitive steps taken */
  steps?: Step[];
  /** Plain-language answer in the display unit system. */
  sentence: string;
}
