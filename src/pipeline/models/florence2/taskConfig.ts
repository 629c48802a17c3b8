/**
 * The part of Florence-2's processor config (preprocessor_config.json of microsoft/Florence-2-base-ft and
 * its ONNX port) that drives prompts and post-processing, restricted to the tasks SpatialLens uses.
 * Kept here so Node tests can build the real Florence2Processor without downloading anything.
 */
export type FlorenceTask = '<OD>' | '<DENSE_REGION_CAPTION>' | '<CAPTION_TO_PHRASE_GROUNDING>';

export const FLORENCE_TASK_CONFIG = {
  tasks_answer_post_processing_type: {
    '<OD>': 'description_with_bboxes',
    '<DENSE_REGION_CAPTION>': 'description_with_bboxes',
    '<CAPTION_TO_PHRASE_GROUNDING>': 'phrase_grounding',
  },
  task_prompts_without_inputs: {
    '<OD>': 'Locate the objects with category name in the image.',
    '<DENSE_REGION_CAPTION>': 'Locate the objects in the image, with their descriptions.',
  },
  task_prompts_with_input: {
    '<CAPTION_TO_PHRASE_GROUNDING>': 'Locate the phrases in the caption: {input}',
  },
} as const;
