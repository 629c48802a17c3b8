/**
 * The curve with uPlot: value ± sigma as a band, the measured values as points, the robust smoothed line,
 * gaps left empty (never joined), and a cursor at the scrubber's frame. Relations plot as +1 yes / 0 about
 * the same / -1 no.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Curve } from '../../core/sequence';

interface Props {
  curve: Curve;
  frame: number;
  onPick: (frame: number) => void;
}

export function CurveChart({ curve, frame, onPick }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const pickRef = useRef(onPick);
  useEffect(() => {
    pickRef.current = onPick;
  }, [onPick]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const rows = curve.rows;
    const x = rows.map((r) => r.frame);
    const val = rows.map((r) => r.value);
    const lo = rows.map((r) => (r.value === null ? null : r.value - (r.sigma ?? 0)));
    const hi = rows.map((r) => (r.value === null ? null : r.value + (r.sigma ?? 0)));
    const sm = rows.map((r) => r.smoothed);
    const verdict = curve.unit === 'verdict';
    const opts: uPlot.Options = {
      width: Math.max(320, el.clientWidth),
      height: 260,
      scales: { x: { time: false }, y: verdict ? { range: [-1.2, 1.2] } : {} },
      axes: [
        { label: 'frame' },
        verdict
          ? { label: curve.measure, values: (_u, ticks) => ticks.map((t) => (t === 1 ? 'yes' : t === 0 ? 'same' : t === -1 ? 'no' : '')) }
          : { label: `${curve.measure.replace(/_/g, ' ')} (m)` },
      ],
      series: [
        {},
        { label: '+σ', stroke: 'rgba(90,140,220,0.25)', points: { show: false } },
        { label: '−σ', stroke: 'rgba(90,140,220,0.25)', points: { show: false } },
        { label: 'measured', stroke: 'transparent', points: { show: true, size: 7, fill: '#f0a030', stroke: '#f0a030' } },
        { label: 'smoothed', stroke: '#1950aa', width: 2, points: { show: false } },
      ],
      bands: [{ series: [1, 2], fill: 'rgba(90,140,220,0.18)' }],
      hooks: {
        setCursor: [(u) => {
          const i = u.cursor.idx;
          if (i !== null && i !== undefined && u.cursor.event) pickRef.current(x[i]);
        }],
      },
      legend: { show: true },
    };
    plot.current = new uPlot(opts, [x, hi, lo, val, sm] as uPlot.AlignedData, el);
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
  }, [curve]);

  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    const i = curve.rows.findIndex((r) => r.frame === frame);
    if (i >= 0) u.setCursor({ left: u.valToPos(curve.rows[i].frame, 'x'), top: 10 }, false);
  }, [frame, curve]);

  return <div ref={host} className="sequence-chart" data-testid="sequence-chart" />;
}
