import { describe, expect, it } from 'vitest';
import { explainInferenceError, isOutOfMemory } from './inferenceErrors';

describe('inference errors', () => {
  it('out-of-memory in any of ORT\'s words says what to do', () => {
    for (const m of ['Aborted(OOM)', 'RangeError: WebAssembly.Memory.grow(): Maximum memory size exceeded', 'std::bad_alloc', 'Array buffer allocation failed', 'GPUBuffer: out of memory']) {
      expect(isOutOfMemory(m), m).toBe(true);
      const e = explainInferenceError(new Error(m), 'Xenova/slimsam-77-uniform', 'masks');
      expect(e.outOfMemory).toBe(true);
      expect(e.message).toMatch(/ran out of memory while computing masks\. Close other tabs or apps, choose the "light" models/);
    }
  });
  it('other failures name the model and the task and keep the cause', () => {
    const cause = new Error('Unexpected input data type');
    const e = explainInferenceError(cause, 'onnx-community/metric3d-vit-small', 'depth');
    expect(e.outOfMemory).toBe(false);
    expect(e.message).toBe('onnx-community/metric3d-vit-small failed while computing depth: Unexpected input data type');
    expect(e.cause).toBe(cause);
    expect(explainInferenceError(e, 'x/y', 'z')).toBe(e);
  });
});
