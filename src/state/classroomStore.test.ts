import { describe, expect, it } from 'vitest';
import { createClassroomStore, spreadOf } from './classroomStore';

describe('classroom store', () => {
  it('spread: min / median / max, even and odd counts', () => {
    expect(spreadOf([])).toBeNull();
    expect(spreadOf([3, 1, 2])).toEqual({ min: 1, median: 2, max: 3 });
    expect(spreadOf([4, 1, 2, 3])).toEqual({ min: 1, median: 2.5, max: 4 });
  });

  it('stepping is clamped and hides the answer again; guesses stay with their question', () => {
    const classroomStore = createClassroomStore(); // its own store: no state shared with other tests
    const { addGuess, reveal, step } = classroomStore.getState();
    addGuess(0, { name: 'Ana', value: 2, unit: 'm' });
    reveal();
    step(1, 3);
    expect(classroomStore.getState()).toMatchObject({ index: 1, revealed: false });
    step(5, 3);
    expect(classroomStore.getState().index).toBe(2);
    step(-9, 3);
    expect(classroomStore.getState().index).toBe(0);
    expect(classroomStore.getState().guesses[0]).toEqual([{ name: 'Ana', value: 2, unit: 'm' }]);
  });
});
