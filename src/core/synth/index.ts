export { synthesizeQA, type QAPair, type QACategory, type SynthOptions, type SynthResult, type SynthSkip } from './synthesize';
export { toJsonl, conversationLine, flatLines, DATASET_SCHEMA_VERSION, type DatasetImage, type ConversationLine, type FlatLine } from './jsonl';
