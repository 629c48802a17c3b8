/**
 * The scrubber's frame in 3D: that frame's boxes in its gravity-aligned frame with the measure drawn between
 * the two tracked objects (the app's viewer, without the point cloud: a sequence keeps scene graphs, not
 * clouds, so that 300 frames stay small).
 */
import { useEffect, useRef, useState } from 'react';
import type { CurveRow } from '../../core/sequence';
import type { SceneGraph } from '../../core/scene/types';
import { SceneViewer } from '../../viewer/SceneViewer';

export function FrameScene3D({ scene, row, label }: { scene: SceneGraph | null; row: CurveRow; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<SceneViewer | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    try {
      viewer.current = new SceneViewer(el);
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
      return;
    }
    return () => {
      viewer.current?.dispose();
      viewer.current = null;
    };
  }, []);

  useEffect(() => {
    const v = viewer.current;
    if (!v) return;
    v.setScene(scene, null);
    const a = scene?.objects.find((o) => o.id === row.objectA);
    const b = scene?.objects.find((o) => o.id === row.objectB);
    const ids = [a?.id, b?.id].filter((x): x is string => Boolean(x));
    v.setVisuals(a && b ? [{ kind: 'line', from: a.obb.center, to: b.obb.center, label }] : [], ids);
    // without a cloud the viewer has no home view: look at the two objects from above and in front
    const pair = [a, b].filter((o): o is NonNullable<typeof o> => Boolean(o));
    if (pair.length) {
      const c = pair.map((o) => o.obb.center);
      const target: [number, number, number] = [0, 1, 2].map((k) => c.reduce((sum, p) => sum + p[k], 0) / c.length) as [number, number, number];
      const span = Math.max(0.6, 2 * Math.hypot(c[0][0] - c[c.length - 1][0], c[0][2] - c[c.length - 1][2]));
      v.setView({ position: [target[0], target[1] + 0.6 * span, target[2] + 1.1 * span], target });
    }
  }, [scene, row, label]);

  if (failed) return <p className="hint warn">The 3D view could not start: {failed}</p>;
  return <div ref={host} className="sequence-3d" aria-label="This frame in 3D" data-testid="sequence-3d" />;
}
