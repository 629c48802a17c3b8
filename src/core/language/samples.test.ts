/**
 * The app's own sample scenes: every question the app can suggest about them (suggestions are queries over
 * the scene's objects, shown in the template phrasings) parses back to its query. Checked over every query a
 * suggestion could be — each pair, each relation and measure, orderings and lists over triples — so the
 * sample chips and the share links built on them keep their meaning.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELATIONS, type Query } from '../reason/query';
import { parseQuestion } from './parse';
import type { SceneLike } from './referents';
import { fillTemplate, templateKey, templatesFor } from './templates';

const SAMPLES = join(__dirname, '../../../public/samples');

interface SampleObject {
  id: string;
  caption: string;
  box2d: { x0: number; y0: number; x1: number; y1: number };
  truth: { center: [number, number, number] };
}

function queriesFor(ids: string[]): Query[] {
  const out: Query[] = [];
  for (const a of ids) {
    for (const m of ['width', 'height', 'depth'] as const) out.push({ type: 'size', measure: m, a });
    out.push({ type: 'extreme', which: 'closest', to: a }, { type: 'extreme', which: 'farthest', to: a });
    for (const r of RELATIONS) out.push({ type: 'count', relation: r, reference: a });
    for (const b of ids) {
      if (a === b) continue;
      for (const r of RELATIONS) out.push({ type: 'relation', form: 'yesno', relation: r, a, b }, { type: 'relation', form: 'choice', relation: r, a, b });
      for (const m of ['distance', 'horizontal_distance', 'vertical_distance', 'direction', 'how_much_left', 'how_much_above', 'how_much_behind'] as const) out.push({ type: 'pair', measure: m, a, b });
    }
  }
  for (let i = 0; i + 2 < ids.length; i++) {
    const [a, b, c] = [ids[i], ids[i + 1], ids[i + 2]];
    out.push({ type: 'between', a, b, c }, { type: 'triangle', shape: 'right', objects: [a, b, c] });
    out.push({ type: 'extreme', which: 'closest', to: a, among: [b, c] }, { type: 'extreme', which: 'farthest', to: c, among: [a, b] });
    for (const by of ['height', 'size', 'width', 'camera_distance', 'elevation'] as const) {
      out.push({ type: 'order', by, objects: [a, b, c], descending: true }, { type: 'order', by, objects: [c, a, b], descending: false });
    }
  }
  return out;
}

describe('sample scenes: every query the app can suggest parses back in every phrasing', () => {
  const names = readdirSync(SAMPLES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  it('finds the samples the app ships', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of names) {
    it(name, () => {
      const file = JSON.parse(readFileSync(join(SAMPLES, name, 'scene.json'), 'utf8')) as { objects: SampleObject[] };
      const scene: SceneLike = { objects: file.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d, centroid: o.truth.center })) };
      const captionOf = (id: string) => scene.objects.find((o) => o.id === id)?.caption ?? id;
      const failures: string[] = [];
      let n = 0;
      for (const query of queriesFor(scene.objects.map((o) => o.id))) {
        // a query shape without templates would be skipped silently
        expect(templatesFor(query).length, templateKey(query)).toBeGreaterThan(0);
        for (const t of templatesFor(query)) {
          const text = fillTemplate(t, query, captionOf);
          const r = parseQuestion(text, scene);
          n++;
          if (r.status !== 'ok' || JSON.stringify(r.parsed.query) !== JSON.stringify(query)) failures.push(`${text} -> ${JSON.stringify(r.status === 'ok' ? r.parsed.query : r)}`);
        }
      }
      expect(n).toBeGreaterThan(500);
      expect(failures.slice(0, 30), `${failures.length} of ${n}\n${failures.slice(0, 30).join('\n')}`).toEqual([]);
    });
  }
});
