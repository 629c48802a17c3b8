import { downloadFile } from '../download';
import { useStore } from 'zustand';
import type { ChangeEvent } from 'react';
import {
  datasetJsonl, datasetStore, datasetZip, pauseExport, previewPairs, resumeExport, retryPhotos, setDatasetFiles,
  setDatasetOptions, setPhotoDepthScale, skipFailedPhotos, startExport, type DatasetState,
} from '../../state/datasetStore';
import * as Q from '../../state/datasetQueue';
import { DEPTH_SCALES, type DepthScale } from '../../state/loadScene';
import { SIDECAR_SUFFIX } from '../../io/pairFiles';

const useDataset = <T,>(sel: (s: DatasetState) => T): T => useStore(datasetStore, sel);


function NumberField({ label, value, min, max, onChange }: { label: string; value: number; min: number; max: number; onChange: (v: number) => void }) {
  return (
    <label>
      {label}
      <input type="number" value={value} min={min} max={max} step={1}
        onChange={(e) => { const v = Math.round(Number(e.target.value)); if (Number.isFinite(v)) onChange(Math.min(max, Math.max(min, v))); }} />
    </label>
  );
}

function Options({ disabled }: { disabled: boolean }) {
  const o = useDataset((s) => s.options);
  const k = (key: 'fx' | 'fy' | 'cx' | 'cy') => (
    <label key={key}>
      {key}
      <input type="number" step="any" inputMode="decimal" value={o.intrinsics[key] ?? ''} placeholder="auto"
        onChange={(e) => setDatasetOptions({ intrinsics: { ...o.intrinsics, [key]: e.target.value === '' ? undefined : Number(e.target.value) } })} />
    </label>
  );
  return (
    <fieldset className="dataset-options" disabled={disabled}>
      <legend>Options</legend>
      <NumberField label="Seed" value={o.seed} min={0} max={2 ** 31 - 1} onChange={(seed) => setDatasetOptions({ seed })} />
      <NumberField label="Max pairs per image" value={o.maxPairs} min={1} max={1000} onChange={(maxPairs) => setDatasetOptions({ maxPairs })} />
      <NumberField label="Phrasings per question" value={o.phrasings} min={1} max={8} onChange={(phrasings) => setDatasetOptions({ phrasings })} />
      <label className="toggle">
        <input type="checkbox" checked={o.keepGps} onChange={(e) => setDatasetOptions({ keepGps: e.target.checked })} />
        Keep GPS location in the photos (removed by default)
      </label>
      <label>
        Units
        <select value={o.units} onChange={(e) => setDatasetOptions({ units: e.target.value as 'metric' | 'imperial' })}>
          <option value="metric">Metric</option>
          <option value="imperial">Imperial</option>
        </select>
      </label>
      <label>
        Depth unit
        <select value={o.depthScale} onChange={(e) => setDatasetOptions({ depthScale: e.target.value as DepthScale })}>
          {(Object.keys(DEPTH_SCALES) as DepthScale[]).map((d) => <option key={d} value={d}>{DEPTH_SCALES[d].label}</option>)}
        </select>
      </label>
      <fieldset className="intrinsics">
        <legend>Camera (pixels of the photos; blank: EXIF or a guess)</legend>
        {k('fx')}{k('fy')}{k('cx')}{k('cy')}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={o.useModels} onChange={(e) => setDatasetOptions({ useModels: e.target.checked })} />
        Use the models for photos without depth (downloads them on first use)
      </label>
      <label className="check">
        <input type="checkbox" checked={o.pauseOnFailure} onChange={(e) => setDatasetOptions({ pauseOnFailure: e.target.checked })} />
        Pause when a photo fails
      </label>
    </fieldset>
  );
}

function PhotoRows() {
  const photos = useDataset((s) => s.photos);
  const queue = useDataset((s) => s.queue);
  const running = useDataset((s) => s.running);
  const scale = useDataset((s) => s.options.depthScale);
  const byId = new Map(queue?.items.map((it) => [it.id, it]) ?? []);
  const name = (f?: { name: string; path?: string }) => (f ? f.path ?? f.name : '—');
  return (
    <table className="dataset-table">
      <thead>
        <tr><th scope="col">Photo</th><th scope="col">Depth</th><th scope="col">Objects sidecar</th><th scope="col">Status</th><th scope="col">QA pairs</th></tr>
      </thead>
      <tbody>
        {photos.map((p) => {
          const it = byId.get(p.id);
          const status = it?.status ?? 'ready';
          return (
            <tr key={p.id} data-testid="dataset-row" data-name={name(p.entry.photo)} data-status={status} data-pairs={it?.pairs ?? ''} data-objects={it?.objects ?? ''}>
              <td>{name(p.entry.photo)}</td>
              <td>
                {p.entry.depth ? (
                  <>
                    {name(p.entry.depth)}{' '}
                    <select aria-label={`Depth unit for ${name(p.entry.photo)}`} value={p.depthScale ?? scale} disabled={running}
                      onChange={(e) => setPhotoDepthScale(p.id, e.target.value as DepthScale)}>
                      {(Object.keys(DEPTH_SCALES) as DepthScale[]).map((d) => <option key={d} value={d}>{DEPTH_SCALES[d].label}</option>)}
                    </select>
                  </>
                ) : <span className="hint">none: needs the models</span>}
              </td>
              <td>{name(p.entry.sidecar)}</td>
              <td className={`dataset-status dataset-status--${status}`}>
                {status}
                {it?.status === 'running' && <> · {it.step} <progress value={it.progress} max={1} aria-label={`Progress of ${name(p.entry.photo)}`} /></>}
                {it?.reason && <span className="dataset-reason" data-testid="dataset-reason"> — {it.reason}</span>}
                {(it?.status === 'failed' || it?.status === 'skipped') && (
                  <button type="button" className="btn btn--small" onClick={() => retryPhotos(p.id)}>Retry</button>
                )}
              </td>
              <td>{it?.status === 'done' ? `${it.pairs ?? 0} (${it.objects ?? 0} objects)` : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Controls() {
  const queue = useDataset((s) => s.queue);
  const photos = useDataset((s) => s.photos);
  const running = useDataset((s) => s.running);
  const c = queue ? Q.counts(queue) : null;
  const finished = queue ? Q.isFinished(queue) : false;
  return (
    <div className="dataset-controls">
      <button type="button" className="btn btn--primary" onClick={startExport} disabled={running || photos.length === 0}>
        {queue ? 'Start again' : 'Make the dataset'}
      </button>
      {queue && !queue.paused && !finished && <button type="button" className="btn" onClick={pauseExport}>Pause</button>}
      {queue?.paused && !finished && <button type="button" className="btn" onClick={resumeExport}>Resume</button>}
      {c && c.failed > 0 && <button type="button" className="btn" onClick={skipFailedPhotos}>Skip failures</button>}
      {c && c.failed + c.skipped > 0 && <button type="button" className="btn" onClick={() => retryPhotos()}>Retry failed</button>}
    </div>
  );
}

function Summary() {
  const queue = useDataset((s) => s.queue);
  if (!queue) return null;
  const c = Q.counts(queue);
  const finished = Q.isFinished(queue);
  return (
    <div className="dataset-summary" data-testid="dataset-summary" data-finished={finished ? '1' : '0'} data-done={c.done} data-failed={c.failed + c.skipped} data-pairs={c.pairs}
      role="status" aria-live="polite">
      <progress value={Q.overallProgress(queue)} max={1} aria-label="Overall progress" />
      <span>
        {c.settled} of {c.total} photos · {c.done} done · {c.failed} failed{c.skipped ? ` · ${c.skipped} skipped` : ''} · {c.pairs} QA pairs
        {queue.paused && !finished ? ' · paused' : ''}{finished ? ' · finished' : ''}
      </span>
    </div>
  );
}

function Results() {
  const state = useDataset((s) => s);
  if (!state.queue || Q.counts(state.queue).done === 0) return null;
  const preview = previewPairs(state, 5);
  const finished = Q.isFinished(state.queue);
  return (
    <section className="dataset-results" aria-labelledby="dataset-preview-title">
      <h3 id="dataset-preview-title">Preview</h3>
      {preview.length === 0 ? <p className="hint">No QA pairs yet: the photos done so far have no usable objects (add an objects sidecar).</p> : (
        <ol className="dataset-preview" data-testid="dataset-preview">
          {preview.map((p, i) => (
            <li key={i}><span className="hint">{p.image}</span><br /><strong>Q:</strong> {p.pair.question}<br /><strong>A:</strong> {p.pair.answer}</li>
          ))}
        </ol>
      )}
      <div className="dataset-downloads">
        <button type="button" className="btn" onClick={() => downloadFile('conversations.jsonl', datasetJsonl().conversations, 'application/jsonl')}>Download conversations.jsonl</button>
        <button type="button" className="btn" onClick={() => downloadFile('qa.jsonl', datasetJsonl().flat, 'application/jsonl')}>Download qa.jsonl</button>
        <button type="button" className="btn btn--primary" onClick={() => downloadFile('spatiallens-dataset.zip', datasetZip(), 'application/zip')}>Download zip (images + JSONL + README)</button>
        {!finished && <span className="hint">Still running: a download now holds the photos done so far.</span>}
      </div>
    </section>
  );
}

/** Dataset export: a folder of photos (or RGB-D pairs) -> SpatialVLM-style QA pairs as JSONL and a zip. */
export function DatasetView() {
  const running = useDataset((s) => s.running);
  const photos = useDataset((s) => s.photos);
  const ignored = useDataset((s) => s.ignored);
  const pick = (e: ChangeEvent<HTMLInputElement>) => setDatasetFiles([...(e.target.files ?? [])]);
  return (
    <section className="dataset-view" aria-labelledby="dataset-title">
      <h2 id="dataset-title">Dataset export</h2>
      <p className="hint">
        Turn many photos into a spatial VQA dataset (JSONL, SpatialVLM-style). Each photo needs depth: pick it with its 16-bit
        depth PNG (matched by name: <code>x.jpg</code> + <code>x.depth.png</code>, <code>rgb_1.jpg</code> + <code>depth_1.png</code>,
        <code>image.jpg</code> + <code>depth_mm.png</code> in one folder), or turn on the models. Objects come from a sidecar
        <code>{`<photo name>${SIDECAR_SUFFIX}`}</code> holding <code>{'[{"caption": "chair", "box": [x0, y0, x1, y1]}]'}</code> in the
        photo's pixels (for datasets with 2D boxes), else from the models; a photo without objects gives no pairs. Nothing leaves this browser.
      </p>
      <div className="dataset-pickers">
        <label className="btn">
          Pick photos and depth files…
          <input type="file" multiple accept="image/jpeg,image/png,image/webp,.json" className="visually-hidden" onChange={pick} disabled={running} aria-label="Dataset photos and depth files" />
        </label>
        <label className="btn">
          Pick a folder…
          <input type="file" multiple className="visually-hidden" onChange={pick} disabled={running} aria-label="Dataset folder"
            {...({ webkitdirectory: '' } as Record<string, string>)} />
        </label>
        <span className="hint">{photos.length} photos</span>
      </div>
      {ignored.length > 0 && (
        <ul className="dataset-ignored" aria-label="Files not used">
          {ignored.map((x, i) => <li key={i} className="hint warn">{x.name}: {x.reason}</li>)}
        </ul>
      )}
      <Options disabled={running} />
      {photos.length > 0 && <PhotoRows />}
      <Controls />
      <Summary />
      <Results />
    </section>
  );
}
