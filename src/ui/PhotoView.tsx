import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { DepthMap, RGBAImage } from '../core/geometry/raster';
import type { SceneGraph } from '../core/scene/types';
import { referenceCaptions } from '../core/reason/objectNames';
import { workingSize } from '../io/imageLimits';
import { outlineMasks, rasterizeMasks, type MaskLayer } from './maskRaster';
import { useScene, useSettings } from '../state/hooks';
import { settingsStore } from '../state/settingsStore';
import { addMeasurePoint, clearMeasure } from '../state/measure';
import { objectColor, depthRamp } from '../viewer/colors';
import { declutter } from '../viewer/labels';
import { formatMetres } from './format';

function paint(canvas: HTMLCanvasElement | null, img: RGBAImage | null): void {
  if (!canvas || !img) return;
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.putImageData(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), 0, 0);
}

function maskImage(scene: SceneGraph | null, width: number, height: number): RGBAImage | null {
  if (!scene) return null;
  const layers: MaskLayer[] = [];
  scene.objects.forEach((o, i) => {
    if (!o.mask) return;
    const hex = objectColor(i);
    layers.push({ mask: o.mask, rgb: [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)] });
  });
  const data = rasterizeMasks(layers, width, height);
  // outlines, not a tint: the photo's colours stay what they are
  return data ? { width, height, data: outlineMasks(data, width, height) } : null;
}

/** Robust range for the colour scale: 2nd..98th percentile of valid depths. */
function depthRange(depth: DepthMap): [number, number] {
  const vals: number[] = [];
  const step = Math.max(1, Math.floor(depth.data.length / 20000));
  for (let i = 0; i < depth.data.length; i += step) {
    const z = depth.data[i];
    if (z > 0 && Number.isFinite(z)) vals.push(z);
  }
  if (!vals.length) return [0, 1];
  vals.sort((a, b) => a - b);
  return [vals[Math.floor(vals.length * 0.02)], vals[Math.floor(vals.length * 0.98)]];
}

/** The depth map coloured, at the working size (nearest sample): a 16 MP depth file costs a 1 MP image. */
function depthImage(depth: DepthMap | null): { img: RGBAImage; range: [number, number] } | null {
  if (!depth) return null;
  const range = depthRange(depth);
  const { width, height } = workingSize(depth.width, depth.height);
  const data = new Uint8ClampedArray(width * height * 4);
  const span = Math.max(1e-6, range[1] - range[0]);
  const sx = depth.width / width, sy = depth.height / height;
  for (let v = 0, o = 0; v < height; v++) {
    const row = Math.floor((v + 0.5) * sy) * depth.width;
    for (let u = 0; u < width; u++, o += 4) {
      const z = depth.data[row + Math.floor((u + 0.5) * sx)];
      if (!(z > 0 && Number.isFinite(z))) { data[o + 3] = 255; continue; }
      const [r, g, b] = depthRamp((z - range[0]) / span);
      data[o] = r; data[o + 1] = g; data[o + 2] = b; data[o + 3] = 255;
    }
  }
  return { img: { width, height, data }, range };
}

const RAMP_STOPS = Array.from({ length: 9 }, (_, i) => {
  const [r, g, b] = depthRamp(i / 8);
  return `rgb(${r},${g},${b}) ${(i / 8) * 100}%`;
}).join(', ');

/** The photo with object boxes, captions and masks; a depth-map view; click two points to measure. */
// Over 80 lines on purpose: the canvas effects (draw, measure clicks, resize) share refs that a split would pass around.
export function PhotoView() {
  const current = useScene((s) => s.current);
  const highlight = useScene((s) => s.highlight);
  const measure = useScene((s) => s.measure);
  const loading = useScene((s) => s.loading);
  const showMasks = useSettings((s) => s.showMasks);
  const showDepth = useSettings((s) => s.showDepth);
  const units = useSettings((s) => s.units);
  const photoRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const scene = current?.scene ?? null;
  const rgb = current?.rgb ?? null;
  // objects that share a caption are labelled as answers name them ("left chair")
  const names = scene ? referenceCaptions(scene.objects) : null;
  // captions never overlap: the same placing as the 3D labels (highlighted first, dimmed last), redone on resize
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const place = () => {
      const w = svg.getBoundingClientRect().width;
      if (w === 0) return;
      const rank = (e: Element) => (e.parentElement?.classList.contains('is-highlighted') ? 1 : e.parentElement?.classList.contains('is-dimmed') ? 3 : 2);
      declutter([...svg.querySelectorAll<SVGTextElement>('text.obj2d-label')], rank, svg.viewBox.baseVal.width / w);
    };
    place();
    const ro = new ResizeObserver(place);
    ro.observe(svg);
    return () => ro.disconnect();
  }, [scene, highlight, rgb]);

  const masks = useMemo(() => (rgb && showMasks ? maskImage(scene, rgb.width, rgb.height) : null), [scene, rgb, showMasks]);
  // built only while the depth view is on (a scene without it never pays for the coloured image)
  const depth = current?.depth ?? null;
  const depthView = useMemo(() => (showDepth ? depthImage(depth) : null), [depth, showDepth]);

  useEffect(() => paint(photoRef.current, showDepth && depthView ? depthView.img : rgb), [rgb, showDepth, depthView]);
  useEffect(() => {
    const c = overlayRef.current;
    if (!c || !rgb) return;
    if (showMasks && masks && !showDepth) paint(c, masks);
    else {
      c.width = rgb.width;
      c.height = rgb.height;
    }
  }, [masks, showMasks, showDepth, rgb]);

  if (!current || !rgb) {
    // while something loads, the notice bar is the one place that says so
    if (loading) return <div className="photo-empty" aria-hidden="true" />;
    return <div className="photo-empty">No photo yet: pick a sample, or drop a photo anywhere.</div>;
  }
  const { width, height } = rgb;
  const on = new Set(highlight);

  const toImage = (clientX: number, clientY: number, el: Element): [number, number] => {
    const r = el.getBoundingClientRect();
    return [((clientX - r.left) / r.width) * width, ((clientY - r.top) / r.height) * height];
  };
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const [x, y] = toImage(e.clientX, e.clientY, e.currentTarget);
    addMeasurePoint(x, y);
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    if (e.key === 'Escape') clearMeasure();
  };
  const scale = Math.max(width, height) / 640;
  // boxes are in the scene image's pixels; the photo is drawn at the working size
  const bx = scene ? width / scene.image.width : 1, by = scene ? height / scene.image.height : 1;

  return (
    <div className="photo-view">
      <div className="photo-stage" style={{ aspectRatio: `${width} / ${height}` }}>
        <canvas ref={photoRef} className="photo-layer" aria-hidden="true" />
        <canvas ref={overlayRef} className="photo-layer photo-layer--masks" aria-hidden="true" />
        <svg
          className="photo-layer photo-svg"
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`${showDepth ? 'Depth map' : 'Photo'} of ${current.source.title} with ${scene?.objects.length ?? 0} objects. Click two points to measure the distance between them.`}
          data-testid="photo-svg"
          ref={svgRef}
          tabIndex={0}
          onClick={onClick}
          onKeyDown={onKey}
        >
          {scene?.objects.map((o, i) => {
            const color = objectColor(i);
            const hi = on.has(o.id);
            const dim = on.size > 0 && !hi;
            return (
              <g key={o.id} className={`obj2d${hi ? ' is-highlighted' : ''}${dim ? ' is-dimmed' : ''}`} data-object-id={o.id}>
                <rect x={o.box2d.x0 * bx} y={o.box2d.y0 * by} width={(o.box2d.x1 - o.box2d.x0) * bx} height={(o.box2d.y1 - o.box2d.y0) * by} stroke={color} strokeWidth={(hi ? 3.5 : 2) * scale} fill="none" />
                <text className="obj2d-label" x={o.box2d.x0 * bx + 3 * scale} y={Math.max(o.box2d.y0 * by - 4 * scale, 12 * scale)} fill="#fff" stroke="#000" strokeWidth={3 * scale} paintOrder="stroke" fontSize={13 * scale} fontWeight={600}>
                  {names?.get(o.id) ?? o.caption}
                </text>
              </g>
            );
          })}
          {measure.pixels.map(([x, y], i) => (
            <circle key={i} cx={x} cy={y} r={5 * scale} fill="#00e5ff" stroke="#000" strokeWidth={1.5 * scale} />
          ))}
          {measure.pixels.length === 2 && (
            <>
              <line x1={measure.pixels[0][0]} y1={measure.pixels[0][1]} x2={measure.pixels[1][0]} y2={measure.pixels[1][1]} stroke="#00e5ff" strokeWidth={2.5 * scale} />
              {measure.distance !== null && (
                <text
                  x={(measure.pixels[0][0] + measure.pixels[1][0]) / 2}
                  y={(measure.pixels[0][1] + measure.pixels[1][1]) / 2 - 8 * scale}
                  fill="#00e5ff" stroke="#000" strokeWidth={3 * scale} paintOrder="stroke" fontSize={16 * scale} fontWeight={700} textAnchor="middle"
                >
                  {formatMetres(measure.distance, units)}
                </text>
              )}
            </>
          )}
        </svg>
      </div>
      <div className="photo-toolbar">
        <label className="toggle">
          <input type="checkbox" checked={showMasks} onChange={(e) => settingsStore.getState().setShowMasks(e.target.checked)} disabled={showDepth} />
          Masks
        </label>
        <label className="toggle">
          <input type="checkbox" checked={showDepth} onChange={(e) => settingsStore.getState().setShowDepth(e.target.checked)} disabled={!depth} />
          Depth map
        </label>
        {showDepth && depthView && (
          <div className="depth-legend" aria-label="Depth colour scale">
            <span>{formatMetres(depthView.range[0], units)}</span>
            <span className="depth-ramp" style={{ background: `linear-gradient(to right, ${RAMP_STOPS})` }} />
            <span>{formatMetres(depthView.range[1], units)}</span>
          </div>
        )}
        <div className="measure-readout" aria-live="polite" data-testid="measure-readout" data-distance={measure.distance ?? ''}>
          {measure.distance !== null
            ? <>Distance: <strong>{formatMetres(measure.distance, units)}</strong> <button type="button" className="btn btn--ghost btn--small" onClick={clearMeasure}>Clear</button></>
            : measure.pixels.length === 1
              ? 'Click a second point…'
              : current.depth ? 'Click two points to measure.' : ''}
        </div>
      </div>
    </div>
  );
}
