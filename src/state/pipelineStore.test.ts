import { describe, expect, it } from 'vitest';
import { progressAdapter } from '../pipeline/progress';
import { createPipelineStore, totals } from './pipelineStore';

describe('pipeline store as the pipeline\'s reporter', () => {
  it('per-file and total bytes; files from the Cache API stay marked cached', () => {
    const store = createPipelineStore();
    const cb = progressAdapter(store.getState().actions.setFile, new Set(['m/config.json']));
    cb({ status: 'initiate', name: 'm', file: 'onnx/model.onnx' });
    cb({ status: 'progress', name: 'm', file: 'onnx/model.onnx', loaded: 50, total: 100 });
    cb({ status: 'progress', name: 'm', file: 'config.json', loaded: 10, total: 10 });
    cb({ status: 'done', name: 'm', file: 'config.json' });
    expect(store.getState().files['m/onnx/model.onnx']).toMatchObject({ loaded: 50, total: 100, status: 'progress' });
    cb({ status: 'done', name: 'm', file: 'onnx/model.onnx' });
    expect(store.getState().files['m/onnx/model.onnx']).toMatchObject({ loaded: 50, total: 100, status: 'done' });
    expect(store.getState().files['m/config.json'].status).toBe('cached');
    expect(totals(store.getState().files)).toEqual({ loaded: 60, total: 110, cachedFiles: 1 });
  });

  it('a new run resets the stages and warnings but keeps events and downloads', () => {
    const store = createPipelineStore();
    const a = store.getState().actions;
    a.setStage('depth', { status: 'done', ms: 5 });
    a.warn('w');
    a.warn('w');
    a.event({ kind: 'info', message: 'x' });
    a.setFile({ model: 'm', file: 'f', status: 'done', loaded: 1, total: 1 });
    expect(store.getState().warnings).toEqual(['w']);
    a.resetRun();
    const s = store.getState();
    expect([s.stages.depth.status, s.warnings.length, s.events.length, Object.keys(s.files).length]).toEqual(['idle', 0, 1, 1]);
  });
});
