/**
 * What an inference failure means for the person using the app. ONNX Runtime reports running out of
 * memory in many words (wasm: "Aborted(OOM)", "Maximum memory size exceeded", "bad_alloc", "Array buffer
 * allocation failed"; WebGPU: buffer creation / mapping failures, "out of memory"); all of them have the
 * same remedies, so they get one sentence that says what to do.
 */
const OOM = /out of memory|\bOOM\b|bad_alloc|Maximum memory size exceeded|Memory\.grow|allocation failed|failed to allocate|Cannot allocate|exceeds the maximum|maxBufferSize|maxStorageBufferBindingSize/i;

export function isOutOfMemory(message: string): boolean {
  return OOM.test(message);
}

export class InferenceError extends Error {
  constructor(message: string, readonly outOfMemory: boolean, cause?: unknown) {
    super(message, { cause });
    this.name = 'InferenceError';
  }
}

/** `model`: the model id, `what`: the task in words ("depth", "masks"). */
export function explainInferenceError(err: unknown, model: string, what: string): InferenceError {
  if (err instanceof InferenceError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (isOutOfMemory(message)) {
    return new InferenceError(
      `${model} ran out of memory while computing ${what}. Close other tabs or apps, choose the "light" models in ` +
        `Settings, or try a smaller photo. (${message.slice(0, 200)})`,
      true,
      err,
    );
  }
  return new InferenceError(`${model} failed while computing ${what}: ${message.slice(0, 300)}`, false, err);
}
