/**
 * The core functions the app calls (scene building, question parsing, reasoning), gathered in one place
 * so the stores name the contract they rely on.
 */
import { buildScene, type BuildSceneInput, type BuildSceneResult } from '../core/build/buildScene';
import { answerQuery, suggestQuestions, type Suggestion } from '../core/reason';
import { parseInConversation, parseQuestion } from '../core/language';
import { renderQuestion } from '../core/language/templates';

export type { BuildSceneInput, BuildSceneResult, Suggestion };

export const engine = {
  buildScene,
  parseQuestion,
  parseInConversation,
  answerQuery,
  suggestQuestions,
  renderQuestion,
};
