export { parseQuestion, readQuestion, explainReading, type Explanation, type QuestionReading } from './parse';
export { parseInConversation, readFollowUp } from './followUp';
export { resolveReferent, resolveKind, knownCaptions, type SceneLike, type SceneObjectLike, type Resolution } from './referents';
export { normalizeQuestion, editDistance, singular } from './normalize';
export { extractUnit } from './units';
export { questionTemplates, templatesFor, templateKey, renderQuestion, fillTemplate } from './templates';
