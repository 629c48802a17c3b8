import { useScene, usePipeline } from '../state/hooks';
import { useEffect, useState } from 'react';
import { cancelModels, expectedDownload, runModels } from '../state/runModels';
import { useSettings } from '../state/hooks';
import { totals, type StageName } from '../state/pipelineStore';
import { checkModelHost, hostCheckStore } from '../state/modelHostCheck';
import { useStore } from 'zustand';
import { loadSample } from '../state/loadScene';
import { openPanel } from './panels';

const STAGES: { name: StageName; label: string }[] = [
  { name: 'filter', label: 'Scene check' },
  { name: 'objects', label: 'Objects' },
  { name: 'masks', label: 'Masks' },
  { name: 'depth', label: 'Depth' },
  { name: 'geometry', label: '3D boxes' },
];

const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;

/** For a photo without depth: start the models on request, and show what they are doing. */
export function ModelsPanel() {
  const current = useScene((s) => s.current);
  const loading = useScene((s) => s.loading);
  const stages = usePipeline((s) => s.stages);
  const files = usePipeline((s) => s.files);
  const device = usePipeline((s) => s.device);
  const preset = useSettings((s) => s.modelPreset);
  const sceneCheck = useSettings((s) => s.sceneCheck);
  const [download, setDownload] = useState<{ bytes: number; device: string } | null>(null);
  const needsModels = !!current && !current.scene && current.source.kind === 'photo';
  const check = useStore(hostCheckStore);
  const modelHost = useSettings((s) => s.modelHost);
  useEffect(() => {
    if (needsModels) void checkModelHost();
  }, [needsModels, modelHost, preset]);
  useEffect(() => {
    // only when the panel shows: asking for GPU adapters can wake a discrete GPU
    if (!needsModels) return;
    let live = true;
    void expectedDownload().then((d) => live && setDownload(d)).catch(() => {});
    return () => {
      live = false;
    };
  }, [needsModels, preset, sceneCheck]);
  if (!needsModels) return null;
  const busy = loading !== null;
  const t = totals(files);
  const anyStarted = STAGES.some((s) => stages[s.name].status !== 'idle');
  return (
    <div className="models-panel">
      <div className="models-actions">
        <button type="button" className="btn btn--primary" onClick={() => void runModels()} disabled={busy}>
          Find objects and depth
        </button>
        {busy && (
          <button type="button" className="btn" onClick={cancelModels}>
            Cancel
          </button>
        )}
        <span className="hint" data-testid="download-size">
          Runs in this browser ({download?.device ?? (device.kind === 'unknown' ? 'WebGPU or WASM' : device.kind)});{' '}
          {download ? <>the first run downloads {mb(download.bytes)} of models (once; the browser keeps them).</> : 'the first run downloads the models.'}
        </span>
      </div>
      <HostStatusLine status={check.status} host={check.host} reason={check.reason} />
      {anyStarted && (
        <ol className="stages" aria-label="Model stages">
          {STAGES.map((s) => {
            const st = stages[s.name];
            return (
              <li key={s.name} className={`stage stage--${st.status}`}>
                <span className="stage-name">{s.label}</span>
                <span className="stage-status">{st.status}{st.ms !== undefined ? ` · ${Math.round(st.ms)} ms` : ''}</span>
                {st.error && <span className="stage-error">{st.error}</span>}
              </li>
            );
          })}
        </ol>
      )}
      {t.total > 0 && (
        <p className="hint">
          Downloaded {mb(t.loaded)} of {mb(t.total)}
          <progress value={t.loaded} max={t.total} aria-label="Model download progress" />
        </p>
      )}
    </div>
  );
}

/** Whether the model host can be reached, said before the button is pressed, with the ways forward. */
function HostStatusLine({ status, host, reason }: { status: string; host: string; reason?: string }) {
  if (status === 'checking') return <p className="hint" role="status">Checking that the model host {host} can be reached…</p>;
  if (status === 'needs-consent') return <p className="hint">The models would come from <strong>{host}</strong> (named in the address); the app asks before contacting it.</p>;
  if (status !== 'unreachable') return null;
  return (
    <div className="host-unreachable" role="alert" data-testid="host-unreachable">
      <p>
        <strong>The model host {host} cannot be reached</strong> from this browser{reason ? ` (${reason})` : ''}, so this photo cannot be measured yet.
        Ways forward:
      </p>
      <div className="host-actions">
        <button type="button" className="btn" onClick={() => openPanel('settings')}>Set a model host…</button>
        <button type="button" className="btn" onClick={() => void loadSample('living-room')}>Open a sample scene</button>
        <button type="button" className="btn" onClick={() => openPanel('rgbd')}>Load an RGB-D pair…</button>
        <button type="button" className="btn btn--ghost" onClick={() => void checkModelHost()}>Check again</button>
      </div>
    </div>
  );
}
