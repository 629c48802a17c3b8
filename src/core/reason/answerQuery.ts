/**
 * The reasoning engine's entry point: Query x SceneGraph -> Answer. Object ids come resolved from the
 * parser; an id the scene does not hold throws UnknownObjectError.
 */
import type { SceneGraph } from '../scene/types';
import type { Answer } from './answer';
import type { Query } from './query';
import { type AnswerOptions, makeCtx } from './context';
import { answerRelation } from './relations';
import { answerDimensions, answerElevation, answerPair, answerRange, answerSize } from './measures';
import { answerBetween, answerCount, answerInBetween, answerExtreme, answerFind, answerOrder, answerPlaced, answerTally, answerTriangle } from './composite';
import { answerContain } from './containment';
import { answerSupport } from './support';
import { answerFacing, answerPlace } from './relativePlace';
import { withThreshold } from './threshold';
import { answerImageSide } from './imageSide';
import { answerCameraHeight } from './cameraHeight';

export type { AnswerOptions } from './context';
export { UnknownObjectError } from './context';

export function answerQuery(scene: SceneGraph, query: Query, opts: AnswerOptions = {}): Answer {
  const ctx = makeCtx(scene, opts);
  switch (query.type) {
    case 'relation': return answerRelation(ctx, query);
    case 'pair': return query.threshold ? withThreshold(ctx, query, answerPair(ctx, query), query.threshold) : answerPair(ctx, query);
    case 'size': return query.threshold ? withThreshold(ctx, query, answerSize(ctx, query), query.threshold) : answerSize(ctx, query);
    case 'extreme': return answerExtreme(ctx, query);
    case 'order': return answerOrder(ctx, query);
    case 'between': return answerBetween(ctx, query);
    case 'contain': return answerContain(ctx, query);
    case 'support': return answerSupport(ctx, query);
    case 'placed': return answerPlaced(ctx, query);
    case 'place': return answerPlace(ctx, query);
    case 'facing': return answerFacing(ctx, query);
    case 'triangle': return answerTriangle(ctx, query);
    case 'count': return answerCount(ctx, query);
    case 'dimensions': return answerDimensions(ctx, query);
    case 'elevation': return query.threshold ? withThreshold(ctx, query, answerElevation(ctx, query), query.threshold) : answerElevation(ctx, query);
    case 'range': return query.threshold ? withThreshold(ctx, query, answerRange(ctx, query), query.threshold) : answerRange(ctx, query);
    case 'tally': return answerTally(ctx, query);
    case 'find': return answerFind(ctx, query);
    case 'side': return answerImageSide(ctx, query);
    case 'inBetween': return answerInBetween(ctx, query);
    case 'cameraHeight': return answerCameraHeight(ctx, query);
  }
}
