import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DATASET_SCHEMA_VERSION, toJsonl, type DatasetImage } from '../core/synth/jsonl';
import { buildDatasetZip, checkEntryName } from './datasetZip';
import { sampleJpeg } from './scenes.test-data';

const pair = (q: string, a: string, value?: number) => ({
  question: q,
  answer: a,
  category: 'quantitative',
  template: 'distance',
  query: { type: 'pair', measure: 'distance', a: 'chair', b: 'table' },
  objects: ['chair', 'table'],
  ...(value !== undefined ? { value, unit: 'm' } : {}),
  confidence: 0.8,
}) as unknown as DatasetImage['pairs'][number];

describe('buildDatasetZip', () => {
  it('unpacks to the images, both JSONL files and a README with schema version and counts', () => {
    const images: DatasetImage[] = [
      { id: 'kitchen', image: 'images/kitchen.jpg', pairs: [pair('How far is the chair from the table?', 'About 1.2 m.', 1.2), pair('q2', 'a2')] },
      { id: 'office', image: 'images/office.jpg', pairs: [pair('q3', 'a3')] },
    ];
    const { conversations, flat } = toJsonl(images);
    const photos = [
      { name: 'images/kitchen.jpg', bytes: sampleJpeg(1500) },
      { name: 'images/office.jpg', bytes: sampleJpeg(1200) },
    ];
    const zip = buildDatasetZip({
      images: photos,
      conversationsJsonl: conversations,
      flatJsonl: flat,
      counts: { images: 2, qaPairs: 3, failed: [{ name: 'blurry|photo.jpg', reason: 'no objects\nfound' }] },
      schemaVersion: DATASET_SCHEMA_VERSION,
    });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['README.md', 'conversations.jsonl', 'images/kitchen.jpg', 'images/office.jpg', 'qa.jsonl']);
    expect(files['images/kitchen.jpg']).toEqual(photos[0].bytes);
    expect(strFromU8(files['conversations.jsonl'])).toBe(conversations);
    expect(strFromU8(files['qa.jsonl']).trim().split('\n')).toHaveLength(3);
    const readme = strFromU8(files['README.md']);
    expect(readme).toContain(`Schema version: ${DATASET_SCHEMA_VERSION}`);
    expect(readme).toContain('Images: 2');
    expect(readme).toContain('QA pairs: 3');
    expect(readme).toContain('Failed photos: 1');
    // A hostile file name cannot break the README's table.
    expect(readme).toContain('| blurry photo.jpg | no objects found |');
    // Every image a JSONL line names is in the zip.
    for (const line of strFromU8(files['qa.jsonl']).trim().split('\n')) expect(files[(JSON.parse(line) as { image: string }).image]).toBeDefined();
  });

  it('refuses entry names that would unpack outside the folder, or twice', () => {
    for (const bad of ['../evil.jpg', '/etc/x.jpg', 'a\\b.jpg', 'C:/x.jpg', 'images//a.jpg', 'images/./a.jpg', '', 'README.md', '__proto__', 'x/__proto__/y.jpg']) {
      const input = { images: [{ name: bad, bytes: new Uint8Array(1) }], conversationsJsonl: '', flatJsonl: '', counts: { images: 1, qaPairs: 0 }, schemaVersion: 1 };
      expect(() => buildDatasetZip(input), bad).toThrow(/image name/);
    }
    const dup = { images: [{ name: 'a.jpg', bytes: new Uint8Array(1) }, { name: 'a.jpg', bytes: new Uint8Array(2) }], conversationsJsonl: '', flatJsonl: '', counts: { images: 2, qaPairs: 0 }, schemaVersion: 1 };
    expect(() => buildDatasetZip(dup)).toThrow(/used twice/);
    expect(checkEntryName('images/2024/a b.jpg')).toBeNull();
    // A name that is an Object.prototype member is an ordinary name.
    const proto = buildDatasetZip({ images: [{ name: 'constructor', bytes: new Uint8Array([7]) }], conversationsJsonl: '', flatJsonl: '', counts: { images: 1, qaPairs: 0 }, schemaVersion: 1 });
    expect(unzipSync(proto, { filter: (f) => f.name === 'constructor' }).constructor).toEqual(new Uint8Array([7]));
  });
});
