export * from './query';
export * from './answer';
export { answerQuery, UnknownObjectError, type AnswerOptions } from './answerQuery';
export { suggestQuestions, type Suggestion } from './suggest';
export { TEMPLATES, RELATION_WORDS, ORDER_WORDS, SHAPE_WORDS, pickTemplate, fill, captionPhrase, type TemplateKey } from './templates';
export { viewpointFromScene, toView, viewRight, type Viewpoint, type ViewCoords } from './viewpoint';
export { clockDirection, type ClockDirection } from './measures';
