import { useEffect, useRef, useState } from 'react';
import { classroomStore } from '../state/classroomStore';
import { SceneViewer } from '../viewer/SceneViewer';
import { sceneStore } from '../state/sceneStore';
import { settingsStore } from '../state/settingsStore';
import { useScene } from '../state/hooks';
import { installDebugHandle } from './debugHandle';
import { attachViewer } from './share/viewAccess';
import { addMeasurePoint } from '../state/measure';
import { formatMetres } from './format';

/** Hosts the three.js viewer and feeds it from the stores (outside React's render: no re-render per frame). */
/** A touch screen as the main pointer (phones, tablets): the hints name fingers, not a mouse. */
const isTouch = (): boolean => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

export function ViewerPanel() {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<SceneViewer | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // under software rendering the view draws a subset of the cloud (viewer/pointBudget.ts); the person is told
  const [sampling, setSampling] = useState<{ drawn: number; total: number } | null>(null);
  // A scene restored from a share link has boxes but no point cloud: still a 3D scene.
  const hasScene = useScene((s) => Boolean(s.current?.cloud || s.current?.scene?.objects.length));
  const loading = useScene((s) => s.loading !== null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let viewer: SceneViewer;
    try {
      viewer = new SceneViewer(host);
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
      return;
    }
    viewerRef.current = viewer;
    // A click on the cloud measures like a click on the photo: the point's source pixel is the key.
    viewer.onPick = (i) => {
      const cur = sceneStore.getState().current;
      if (!cur?.cloud || !cur.depth || i >= cur.cloud.count) return;
      // cloud.pixel indexes the working image (cur.rgb) for every input: samples, RGB-D, models, files
      const px = cur.cloud.pixel[i];
      addMeasurePoint(px % cur.rgb.width, Math.floor(px / cur.rgb.width));
    };
    const debug = installDebugHandle();
    debug.viewer = viewer;
    const detachViewer = attachViewer(viewer); // share links and scene files read the 3D camera through it
    const measureText = () => {
      const m = sceneStore.getState().measure;
      return m.distance === null ? null : formatMetres(m.distance, settingsStore.getState().units);
    };
    const apply = (s = sceneStore.getState(), prev?: ReturnType<typeof sceneStore.getState>) => {
      if (!prev || s.current !== prev.current) {
        viewer.setScene(s.current?.scene ?? null, s.current?.cloud ?? null);
        const { pointsDrawn, pointsTotal } = viewer.stats;
        setSampling(pointsDrawn < pointsTotal ? { drawn: pointsDrawn, total: pointsTotal } : null);
      }
      if (!prev || s.current !== prev.current || s.visuals !== prev.visuals || s.highlight !== prev.highlight) viewer.setVisuals(s.visuals, s.highlight);
      if (!prev || s.current !== prev.current || s.measure !== prev.measure) viewer.setMeasure(s.measure.points, measureText());
      if (prev && s.viewResets !== prev.viewResets) viewer.resetView();
    };
    apply();
    const unsubScene = sceneStore.subscribe((s, prev) => apply(s, prev));
    // presenter mode's strip covers the bottom of the window: the picture stays above it
    const unsubInset = classroomStore.subscribe((s, prev) => {
      if (s.panelHeight !== prev.panelHeight || s.presenting !== prev.presenting) viewer.setBottomInset(s.presenting ? s.panelHeight : 0);
    });
    const unsubUnits = settingsStore.subscribe((s, prev) => {
      if (s.units !== prev.units) viewer.setMeasure(sceneStore.getState().measure.points, measureText());
    });
    return () => {
      unsubScene();
      unsubUnits();
      unsubInset();
      if (debug.viewer === viewer) debug.viewer = null;
      detachViewer();
      viewer.dispose();
      viewerRef.current = null;
    };
  }, []);

  return (
    <div className="viewer-panel">
      <div ref={hostRef} className="viewer-host" data-testid="viewer-host" />
      {failed && <div className="viewer-overlay" role="alert">The 3D view could not start (WebGL unavailable): {failed}</div>}
      {!failed && !hasScene && !loading && <div className="viewer-overlay">No 3D scene for this input yet.</div>}
      <div className="viewer-toolbar">
        <button type="button" className="btn btn--small" onClick={() => viewerRef.current?.resetView()}>
          Reset view
        </button>
        <span className="hint" data-testid="viewer-hint">
          {isTouch()
            ? 'Drag with one finger to orbit · pinch to zoom · two fingers to move · tap two points to measure'
            : 'Drag to orbit · right-drag or arrow keys to move · scroll or + / − to zoom · click two points to measure'}
        </span>
        {sampling && (
          <span className="hint" data-testid="viewer-sampling" title="This browser draws 3D without graphics acceleration, so the view draws an evenly spread part of the cloud to stay responsive.">
            No graphics acceleration: {sampling.drawn.toLocaleString('en')} of {sampling.total.toLocaleString('en')} points drawn
          </span>
        )}
      </div>
    </div>
  );
}
