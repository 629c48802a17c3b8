/**
 * "On which side of the picture is the sofa?", "is the lamp on the left side of the image?" (GQA's commonest
 * spatial question): where the object's 2D box sits across the photo. A question about the picture, not the
 * room: the box the detector drew is what is seen, whatever the object's depth or the viewer's viewpoint.
 */
import type { Answer } from './answer';
import type { Ctx } from './context';
import type { ImageSide, Query } from './query';
import { phrase } from './templates';

/**
 * Half the width of the band around the picture's middle line that is neither side, as a share of the width:
 * a box centred 45-55% of the way across is "in the middle" (GQA's answers are left or right; an object on the
 * line is a coin toss there).
 */
export const MIDDLE_BAND = 0.05;

/** Where a box's centre lies across the picture: 0 at the left edge, 1 at the right. */
export function acrossShare(box: { x0: number; x1: number }, width: number): number {
  return width > 0 ? Math.min(1, Math.max(0, (box.x0 + box.x1) / 2 / width)) : 0.5;
}

export function sideOf(share: number): ImageSide | 'middle' {
  return share < 0.5 - MIDDLE_BAND ? 'left' : share > 0.5 + MIDDLE_BAND ? 'right' : 'middle';
}

export function answerImageSide(ctx: Ctx, query: Extract<Query, { type: 'side' }>): Answer {
  const a = ctx.get(query.a);
  const width = ctx.scene.image.width;
  const share = acrossShare(a.box2d, width);
  const side = sideOf(share);
  const vars = { a: ctx.name(a), pct: String(Math.round(share * 100)), side };
  // sure when the box lies wholly on one side; a wide box across the middle line is only leaning one way
  const halfBox = Math.max(MIDDLE_BAND, (a.box2d.x1 - a.box2d.x0) / (2 * Math.max(1, width)));
  const geometric = side === 'middle' ? 1 - Math.abs(share - 0.5) / MIDDLE_BAND / 2 : 0.5 + 0.5 * Math.min(1, Math.abs(share - 0.5) / halfBox);
  const confidence = geometric * (0.5 + 0.5 * a.confidence);
  let sentence: string;
  let verdict: Answer['verdict'];
  if (query.ask) {
    verdict = side === 'middle' ? 'about-the-same' : side === query.ask ? 'yes' : 'no';
    sentence = phrase(verdict === 'yes' ? 'sideYes' : verdict === 'no' ? 'sideNo' : 'sideTie', ctx.seed, vars);
  } else {
    sentence = phrase(side === 'middle' ? 'sideMiddle' : 'side', ctx.seed, vars);
  }
  return {
    query,
    ...(verdict ? { verdict } : {}),
    confidence,
    caveats: [],
    evidence: {
      objects: [a.id],
      quantities: [{ label: `centre of ${ctx.name(a)} across the picture, from the left edge`, value: share, unit: 'ratio' }],
      visuals: [{ kind: 'highlight', objectIds: [a.id] }],
    },
    sentence,
  };
}
