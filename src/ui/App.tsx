import { lazy, Suspense, useEffect, useState } from 'react';
import { useScene, useSettings } from '../state/hooks';
import { settingsStore, type DepthModel, type ModelPreset } from '../state/settingsStore';
import { sceneCheckBytes } from '../state/runModels';
import { listSamples, loadPhotoUrl, loadSample, type SampleInfo } from '../state/loadScene';
import { notify, sceneStore } from '../state/sceneStore';
import { rememberPhotoUrl } from '../state/shareState';
import { NoticeBar } from './NoticeBar';
import { PhotoView } from './PhotoView';
import { ViewerPanel } from './ViewerPanel';
import { QuestionsPanel } from './QuestionsPanel';
import { InputPanel, RgbdForm, useDropAndPaste } from './InputPanel';
import { ModelsPanel } from './ModelsPanel';
import { DatasetView } from './dataset/DatasetView';
import { SharePanel } from './share/SharePanel';
import { LinkBanner } from './share/LinkBanner';
import { SceneFileButtons } from './share/SceneFileButtons';
import { PresenterMode, PresenterToggle } from './classroom/PresenterMode';
import { startFromLocation } from './share/startup';
import { PanelBoundary } from './PanelBoundary';
import { lowFrameHint, uprightSource } from './format';
import { RemoteRequests } from './RemoteRequests';
import { askConsent, isSameOrigin } from '../state/remoteConsent';
import { checkPhotoUrl } from '../io/shareLink';
import { useStore } from 'zustand';
import { panelStore, togglePanel, openPanel } from './panels';
import { effectiveModelHost } from '../state/modelHostCheck';
import { hostOf } from '../state/remoteConsent';
import type { IntrinsicsSource } from '../core/camera/intrinsics';
import './app.css';

// The sequence view brings the video demuxer and decoder (mediabunny, ~380 KiB): loaded when first opened, not at start-up.
const SequenceView = lazy(() => import('./sequence/SequenceView').then((m) => ({ default: m.SequenceView })));

const DEFAULT_SAMPLE = 'living-room';

function SamplePicker({ samples }: { samples: SampleInfo[] }) {
  const current = useScene((s) => s.current);
  const value = current?.source.kind === 'sample' ? current.source.name : '';
  return (
    <label className="sample-picker">
      <span>Sample</span>
      <select value={value} onChange={(e) => e.target.value && void loadSample(e.target.value)} aria-label="Sample scene">
        {value === '' && <option value="">Your photo</option>}
        {samples.map((s) => (
          <option key={s.name} value={s.name}>{s.title}</option>
        ))}
      </select>
    </label>
  );
}

function UnitToggle() {
  const units = useSettings((s) => s.units);
  return (
    <div className="segmented" role="radiogroup" aria-label="Units">
      {(['metric', 'imperial'] as const).map((u) => (
        <button key={u} type="button" role="radio" aria-checked={units === u} className={units === u ? 'is-on' : ''} onClick={() => settingsStore.getState().setUnits(u)}>
          {u === 'metric' ? 'Metric' : 'Imperial'}
        </button>
      ))}
    </div>
  );
}

function SettingsPanel() {
  const preset = useSettings((s) => s.modelPreset);
  const host = useSettings((s) => s.modelHost);
  const sceneCheck = useSettings((s) => s.sceneCheck);
  const depthModel = useSettings((s) => s.depthModel);
  const effective = effectiveModelHost();
  const fromWords = effective.from === 'url' ? 'from the address (?modelHost=)' : effective.from === 'setting' ? 'from this setting' : 'the default';
  return (
    <div className="settings">
      <label>
        Model set
        <select value={preset} onChange={(e) => settingsStore.getState().setModelPreset(e.target.value as ModelPreset)}>
          <option value="standard">Standard</option>
          <option value="light">Light (faster, smaller)</option>
        </select>
      </label>
      <label>
        Depth model
        <select value={depthModel} onChange={(e) => settingsStore.getState().setDepthModel(e.target.value as DepthModel)}>
          <option value="metric3d">Metric3D (default)</option>
          <option value="depth-pro">DepthPro (larger download)</option>
        </select>
      </label>
      <label className="settings-check">
        <input type="checkbox" checked={sceneCheck} onChange={(e) => settingsStore.getState().setSceneCheck(e.target.checked)} />
        Scene check: warn when a photo looks like a screenshot or a document (CLIP, a separate {Math.round(sceneCheckBytes() / 1e6)} MB download)
      </label>
      <label>
        Model host
        <input type="url" defaultValue={host} placeholder="https://your-host/models/ (empty: Hugging Face Hub)" onBlur={(e) => settingsStore.getState().setModelHost(e.target.value)} />
      </label>
      <p className="hint" data-testid="effective-host">
        Models come from <strong>{hostOf(effective.base)}</strong> ({fromWords}): <code>{effective.base}</code>
      </p>
      <p className="hint">
        To serve the models yourself (a school or lab without access to the Hugging Face Hub), run{' '}
        <code>npm run models:mirror -- ./models</code> on a machine that can reach the Hub, serve the <code>./models</code> folder
        with any static web server (with CORS and <code>Cross-Origin-Resource-Policy: cross-origin</code> when it is another origin),
        and enter its address here.
      </p>
    </div>
  );
}

const FOCAL_SOURCE: Record<IntrinsicsSource, string> = {
  explicit: 'given with the scene',
  'exif-35mm': "from the photo's EXIF (35 mm equivalent)",
  'exif-focal-plane': "from the photo's EXIF (focal plane)",
  'model-estimate': 'estimated by the depth model',
  default: 'guessed (the photo does not say)',
};

function SceneInfo() {
  const current = useScene((s) => s.current);
  if (!current) return null;
  const sc = current.scene;
  const upright = sc ? uprightSource(sc.frame) : '';
  return (
    <div className="scene-info">
      <p>
        <strong>{current.source.title}</strong> · {current.rgb.width} × {current.rgb.height} px
        {sc && <> · {sc.objects.length} objects · camera {sc.frame.cameraHeight.toFixed(2)} m above the {sc.frame.method === 'support-plane' ? 'support plane' : 'assumed floor'}{upright && <> · {upright}</>}</>}
        {current.timings?.total !== undefined && <> · built in {Math.round(current.timings.total)} ms</>}
      </p>
      <p className="hint">Camera focal length: {FOCAL_SOURCE[current.intrinsicsSource]} — {current.intrinsicsDetail}</p>
      {sc?.frame.confidence === 'low' && <p className="hint warn">{lowFrameHint(sc.frame)}</p>}
      {current.notes.map((n, i) => <p key={i} className="hint">{n}</p>)}
    </div>
  );
}

/**
 * `?image=<url>`: a photo on another host is fetched only after the person agrees (the sample opens
 * meanwhile); an http: or malformed address is refused with the reason. The app's own server needs no
 * question.
 */
async function openImageParam(image: string, sample: string): Promise<void> {
  let abs: string;
  try {
    abs = new URL(image, location.href).href;
  } catch {
    abs = image;
  }
  if (isSameOrigin(abs)) return loadPhotoUrl(abs);
  const bad = checkPhotoUrl(abs);
  if (bad) {
    await loadSample(sample);
    notify('error', `The photo in this address was not loaded: ${bad}.`);
    return;
  }
  // the sample is what the page shows while the question is open; returns once it is shown, so a broken
  // share link's message (shown after this) is not held back by an unanswered question
  void askConsent('image', abs).then(async (ok) => {
    if (!ok) return;
    await loadPhotoUrl(abs);
    const cur = sceneStore.getState().current;
    if (cur?.source.kind === 'photo') rememberPhotoUrl(cur.key, abs);
  });
  await loadSample(sample);
}

export function App() {
  const [samples, setSamples] = useState<SampleInfo[]>([]);
  const panel = useStore(panelStore, (s) => s.panel);
  const canShare = useScene((s) => Boolean(s.current?.scene));
  const sceneKey = useScene((s) => s.current?.key);
  const dragging = useDropAndPaste();
  const [view, setView] = useState<'ask' | 'dataset' | 'sequence'>(() => {
    const v = new URLSearchParams(location.search).get('view');
    return v === 'dataset' || v === 'sequence' ? v : 'ask';
  });

  useEffect(() => {
    listSamples().then(setSamples).catch((e: unknown) => notify('error', `Sample scenes could not be listed: ${String(e)}`));
    const params = new URLSearchParams(location.search);
    const image = params.get('image');
    const sample = params.get('sample');
    // A share link (#s1.…) wins over ?image= / ?sample=, which are the fallback when it is broken.
    return startFromLocation(() => (image ? openImageParam(image, sample ?? DEFAULT_SAMPLE) : loadSample(sample ?? DEFAULT_SAMPLE)), image);
  }, []);

  return (
    <div className={`app${dragging ? ' is-dragging' : ''}`}>
      <a className="skip-link" href="#question-input">Skip to the question box</a>
      <header className="app-header">
        <div className="brand">
          <h1>SpatialLens</h1>
          <p className="tagline">Ask spatial questions about a photo. Everything runs in your browser; nothing is uploaded.</p>
        </div>
        <div className="view-tabs" role="tablist" aria-label="Views">
          {(['ask', 'dataset', 'sequence'] as const).map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} className={`btn btn--ghost${view === v ? ' is-on' : ''}`} onClick={() => setView(v)}>
              {v === 'ask' ? 'Ask' : v === 'dataset' ? 'Dataset export' : 'Sequence'}
            </button>
          ))}
        </div>
        <nav className="toolbar" aria-label="Scene and settings">
          <SamplePicker samples={samples} />
          <InputPanel />
          <button type="button" className="btn" aria-expanded={panel === 'rgbd'} onClick={() => togglePanel('rgbd')}>
            RGB-D pair…
          </button>
          <SceneFileButtons />
          <button type="button" className="btn" aria-expanded={panel === 'share'} disabled={!canShare} onClick={() => togglePanel('share')}>
            Share
          </button>
          <PresenterToggle />
          <UnitToggle />
          <button type="button" className="btn btn--ghost" aria-expanded={panel === 'settings'} onClick={() => togglePanel('settings')}>
            Settings
          </button>
        </nav>
      </header>
      {panel === 'rgbd' && <div className="drawer"><PanelBoundary name="The RGB-D form"><RgbdForm onDone={() => openPanel('none')} /></PanelBoundary></div>}
      {panel === 'settings' && <div className="drawer"><PanelBoundary name="Settings"><SettingsPanel /></PanelBoundary></div>}
      {panel === 'share' && <div className="drawer"><PanelBoundary name="The share panel" resetKey={sceneKey}><SharePanel /></PanelBoundary></div>}
      <NoticeBar />
      <PanelBoundary name="The link banner" resetKey={sceneKey}><LinkBanner /></PanelBoundary>
      <PanelBoundary name="The request banner"><RemoteRequests /></PanelBoundary>
      {view === 'dataset' && <main className="app-main app-main--dataset"><PanelBoundary name="Dataset export"><DatasetView /></PanelBoundary></main>}
      {view === 'sequence' && <main className="app-main app-main--dataset"><PanelBoundary name="Sequence"><Suspense fallback={<p className="sequence-loading" role="status">Loading the sequence view…</p>}><SequenceView /></Suspense></PanelBoundary></main>}
      <main className="app-main" hidden={view !== 'ask'}>
        <section className="pane pane--photo" aria-label="Photo">
          <h2 className="pane-title">Photo</h2>
          <PanelBoundary name="The photo" resetKey={sceneKey}><PhotoView /></PanelBoundary>
          <PanelBoundary name="The models panel" resetKey={sceneKey}><ModelsPanel /></PanelBoundary>
          <PanelBoundary name="The scene summary" resetKey={sceneKey}><SceneInfo /></PanelBoundary>
        </section>
        <section className="pane pane--viewer" aria-label="3D scene">
          <h2 className="pane-title">3D scene</h2>
          <PanelBoundary name="The 3D view" resetKey={sceneKey}><ViewerPanel /></PanelBoundary>
        </section>
        <aside className="pane pane--questions">
          <PanelBoundary name="The questions panel" resetKey={sceneKey}><QuestionsPanel /></PanelBoundary>
        </aside>
      </main>
      <PanelBoundary name="Presenter mode" resetKey={sceneKey}><PresenterMode /></PanelBoundary>
      {dragging && <div className="drop-overlay" aria-hidden="true">Drop a photo (or a photo and its depth PNG)</div>}
    </div>
  );
}
