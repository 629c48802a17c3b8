import type { Answer, Quantity } from '../core/reason/answer';
import type { UnitRequest } from '../core/reason/query';
import type { SceneGraph } from '../core/scene/types';
import { formatLength, type UnitSystem } from '../core/units/length';

export function captionOf(scene: SceneGraph | null | undefined, id: string): string {
  return scene?.objects.find((o) => o.id === id)?.caption ?? id;
}

export function formatMetres(m: number, system: UnitSystem, request?: UnitRequest, uncertainty?: number): string {
  return formatLength(m, { system, request, uncertainty }).text;
}

/** The short headline of an answer: a verdict, a chosen object, an order or a number with its unit. */
export function headline(a: Answer, scene: SceneGraph | null | undefined, system: UnitSystem, request?: UnitRequest): string {
  if (a.choice) {
    const v = a.value !== undefined && a.unit === 'm' ? ` · ${formatMetres(a.value, system, request)}` : '';
    return `${captionOf(scene, a.choice)}${v}`;
  }
  if (a.value !== undefined && a.unit === 'm') {
    const q = a.evidence.quantities.find((x) => x.unit === 'm' && Math.abs(x.value - (a.value as number)) < 1e-9);
    return formatMetres(a.value, system, request, q?.uncertainty);
  }
  if (a.direction) return `${a.direction.clock} o’clock`;
  if (a.value !== undefined && a.unit === 'clock') return `${a.value} o’clock`;
  if (a.value !== undefined && a.unit === 'count') return String(a.value);
  if (a.verdict) return a.verdict === 'yes' ? 'Yes' : a.verdict === 'no' ? 'No' : 'About the same';
  if (a.order) return a.order.map((id) => captionOf(scene, id)).join(' → ');
  return '—';
}

export function formatQuantity(q: Quantity, system: UnitSystem): string {
  switch (q.unit) {
    case 'm': {
      const v = formatMetres(q.value, system, undefined, q.uncertainty);
      return q.uncertainty !== undefined ? `${v} (± ${formatMetres(q.uncertainty, system)})` : v;
    }
    case 'deg':
      return `${q.value.toFixed(0)}°`;
    case 'clock':
      return `${q.value} o’clock`;
    case 'count':
      return String(q.value);
    case 'm3':
      return `${q.value < 0.1 ? q.value.toFixed(3) : q.value.toFixed(2)} m³`;
    case 'ratio':
      return q.value.toFixed(2);
  }
}

export const percent = (c: number): string => `${Math.round(c * 100)}%`;
