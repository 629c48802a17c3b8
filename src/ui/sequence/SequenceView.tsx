/**
 * The Sequence view: a spatial measure over time from a video, photos taken in order, or an RGB-D
 * sequence. Input, rate and camera mode; a progress bar with time left and Cancel; two tracks (or a typed
 * request such as "distance between the can and the orange") and a measure; the curve with its band,
 * smoothed line and gaps; a scrubber showing that frame's photo with the two objects and the value;
 * CSV and JSON export.
 */
import { useMemo, useState } from 'react';
import { curveToCsv, curveToJson, pickTracks, SEQUENCE_MEASURES, type CameraMode, type Curve, type SequenceMeasure } from '../../core/sequence';
import { cancelSequence, startSequence } from '../../state/runSequence';
import { currentCurve, sequenceStore, useSequence, type SequenceSourceKind } from '../../state/sequenceStore';
import { DEFAULT_FPS } from '../../io/videoFrames';
import { downloadFile } from '../download';
import { CurveChart } from './CurveChart';
import { FrameScene3D } from './FrameScene3D';
import './sequence.css';

const MEASURE_LABEL = (m: SequenceMeasure): string => m.replace(/_/g, ' ');

function SourcePicker() {
  const [fps, setFps] = useState(DEFAULT_FPS);
  const [camera, setCamera] = useState<CameraMode>('static');
  const [useModels, setUseModels] = useState(false);
  const running = useSequence((s) => s.status === 'running');
  const go = (kind: SequenceSourceKind) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (files.length) void startSequence(kind, files, { fps, camera, useModels });
  };
  return (
    <div className="sequence-inputs">
      <label className="btn">Video…<input type="file" hidden accept="video/*,.mp4,.mov,.webm,.mkv" aria-label="Video file" disabled={running} onChange={go('video')} /></label>
      <label className="btn">Photos in order…<input type="file" hidden multiple accept="image/jpeg,image/png,image/webp,.json" aria-label="Photos in order" disabled={running} onChange={go('photos')} /></label>
      <label className="btn">RGB-D sequence (folder)…<input type="file" hidden multiple aria-label="RGB-D sequence folder" disabled={running} onChange={go('rgbd')} {...{ webkitdirectory: '' }} /></label>
      <label className="btn">RGB-D files…<input type="file" hidden multiple aria-label="RGB-D sequence files" disabled={running} onChange={go('rgbd')} /></label>
      <label>Frames a second <input type="number" min={0.1} max={30} step={0.1} value={fps} aria-label="Frames a second" onChange={(e) => setFps(Math.min(30, Math.max(0.1, Number(e.target.value) || DEFAULT_FPS)))} /></label>
      <label>Camera <select value={camera} aria-label="Camera" onChange={(e) => setCamera(e.target.value as CameraMode)}>
        <option value="static">static (gravity from the first good frame)</option>
        <option value="moving">moving (gravity on every frame)</option>
      </select></label>
      <label><input type="checkbox" checked={useModels} onChange={(e) => setUseModels(e.target.checked)} /> Use the models for frames without depth (downloads them on first use)</label>
    </div>
  );
}

function Progress() {
  const status = useSequence((s) => s.status);
  const progress = useSequence((s) => s.progress);
  const error = useSequence((s) => s.error);
  if (status === 'idle') return null;
  if (status === 'error') return <p className="hint warn" role="alert" data-testid="sequence-error">{error}</p>;
  const left = progress.secondsLeft;
  return (
    <div className="sequence-progress" data-testid="sequence-progress">
      <progress max={Math.max(1, progress.total)} value={progress.done} aria-label="Frames processed" />
      <span>{progress.done} of {progress.total || '?'} frames{status === 'running' && left !== null ? ` · about ${Math.ceil(left)} s left` : ''}{status === 'cancelled' ? ' · cancelled' : ''}{status === 'done' ? ' · done' : ''}</span>
      {status === 'running' && <button type="button" className="btn" onClick={cancelSequence}>Cancel</button>}
    </div>
  );
}

function TrackPicker() {
  const tracks = useSequence((s) => s.tracks);
  const pick = useSequence((s) => s.pick);
  const [text, setText] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  const setPick = (p: Partial<typeof pick>) => sequenceStore.setState((s) => ({ pick: { ...s.pick, ...p } }));
  if (tracks.length === 0) return null;
  const label = (id: string) => {
    const t = tracks.find((x) => x.id === id);
    return t ? `${t.caption} (${t.id}, frames ${t.firstFrame}–${t.lastFrame})` : id;
  };
  return (
    <div className="sequence-pick">
      <form onSubmit={(e) => {
        e.preventDefault();
        const r = pickTracks(text, tracks);
        if (r.status === 'error') setMsg(r.message);
        else { setMsg(null); setPick({ a: r.a.id, b: r.b.id, measure: r.measure }); }
      }}>
        <input type="text" value={text} placeholder='e.g. "distance between the can and the orange"' aria-label="Measure to plot" onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="btn">Plot</button>
      </form>
      {msg && <p className="hint warn" role="alert">{msg}</p>}
      <label>A <select aria-label="Track A" value={pick.a ?? ''} onChange={(e) => setPick({ a: e.target.value })}>{tracks.map((t) => <option key={t.id} value={t.id}>{label(t.id)}</option>)}</select></label>
      <label>B <select aria-label="Track B" value={pick.b ?? ''} onChange={(e) => setPick({ b: e.target.value })}>{tracks.map((t) => <option key={t.id} value={t.id}>{label(t.id)}</option>)}</select></label>
      <label>Measure <select aria-label="Measure" value={pick.measure} onChange={(e) => setPick({ measure: e.target.value as SequenceMeasure })}>
        {SEQUENCE_MEASURES.map((m) => <option key={m} value={m}>{MEASURE_LABEL(m)}</option>)}
      </select></label>
    </div>
  );
}

function Scrubber({ curve }: { curve: Curve }) {
  const frame = useSequence((s) => s.frame);
  const thumbs = useSequence((s) => s.thumbs);
  const records = useSequence((s) => s.records);
  const row = curve.rows[Math.min(frame, curve.rows.length - 1)];
  const rec = records[row.frame];
  const url = thumbs[row.frame];
  const img = rec?.scene?.image;
  const boxes = rec?.scene?.objects.filter((o) => o.id === row.objectA || o.id === row.objectB) ?? [];
  const text = row.value === null
    ? `no value (${row.flags.join(', ') || 'gap'})`
    : curve.unit === 'verdict' ? (row.value > 0 ? 'yes' : row.value < 0 ? 'no' : 'about the same') : `${row.value.toFixed(3)} m ± ${(row.sigma ?? 0).toFixed(3)}`;
  return (
    <div className="sequence-scrub">
      <input type="range" min={0} max={curve.rows.length - 1} value={row.frame} aria-label="Frame" onChange={(e) => sequenceStore.setState({ frame: Number(e.target.value) })} />
      <p data-testid="sequence-frame">Frame {row.frame} · {row.timestamp.toFixed(2)} s · {MEASURE_LABEL(curve.measure)}: {text}</p>
      <div className="sequence-frame-views">
      <div className="sequence-photo">
        {url ? <img src={url} alt={`frame ${row.frame}`} /> : <div className="hint">no photo for this frame</div>}
        {url && img && (
          <svg viewBox={`0 0 ${img.width} ${img.height}`} preserveAspectRatio="none" aria-hidden="true">
            {boxes.map((o) => <rect key={o.id} x={o.box2d.x0} y={o.box2d.y0} width={o.box2d.x1 - o.box2d.x0} height={o.box2d.y1 - o.box2d.y0} className={o.id === row.objectA ? 'box-a' : 'box-b'} />)}
            {boxes.length === 2 && <line x1={(boxes[0].box2d.x0 + boxes[0].box2d.x1) / 2} y1={(boxes[0].box2d.y0 + boxes[0].box2d.y1) / 2} x2={(boxes[1].box2d.x0 + boxes[1].box2d.x1) / 2} y2={(boxes[1].box2d.y0 + boxes[1].box2d.y1) / 2} className="measure-line" />}
          </svg>
        )}
      </div>
      <FrameScene3D scene={rec?.scene ?? null} row={row} label={text} />
      </div>
    </div>
  );
}

export function SequenceView() {
  const records = useSequence((s) => s.records);
  const tracks = useSequence((s) => s.tracks);
  const pick = useSequence((s) => s.pick);
  const camera = useSequence((s) => s.camera);
  const notes = useSequence((s) => s.notes);
  const frame = useSequence((s) => s.frame);
  const curve = useMemo(() => currentCurve({ ...sequenceStore.getState(), records, tracks, pick, camera }), [records, tracks, pick, camera]);
  return (
    <section className="pane sequence-view" aria-label="Sequence">
      <h2 className="pane-title">A measure over time</h2>
      <p className="hint">A video, photos taken in order, or an RGB-D sequence (TUM <code>rgb.txt</code>/<code>depth.txt</code>, or photos with depth PNGs paired by name, with <code>&lt;photo&gt;.objects.json</code> sidecars). At most 300 frames; nothing leaves your browser.</p>
      <SourcePicker />
      <Progress />
      {notes.length > 0 && <ul className="sequence-notes" data-testid="sequence-notes">{notes.map((n, i) => <li key={i}>{n}</li>)}</ul>}
      <TrackPicker />
      {curve && (
        <>
          <p className="sequence-summary" data-testid="sequence-summary"><strong>{curve.summary.sentence}</strong> · {curve.camera}</p>
          <CurveChart curve={curve} frame={frame} onPick={(f) => sequenceStore.setState({ frame: f })} />
          <Scrubber curve={curve} />
          <div className="sequence-export">
            <button type="button" className="btn" onClick={() => downloadFile('curve.csv', curveToCsv(curve), 'text/csv')}>Export CSV</button>
            <button type="button" className="btn" onClick={() => downloadFile('curve.json', curveToJson(curve), 'application/json')}>Export JSON</button>
          </div>
        </>
      )}
    </section>
  );
}
