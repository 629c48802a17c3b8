/**
 * Generates the tiny test models into a git-ignored folder (default .cache/tiny-models).
 * Usage: npm run models:tiny [-- <dir>]
 */
import { resolve } from 'node:path';
import { writeTinyModels } from './lib/onnxTinyModels';

export const DEFAULT_TINY_DIR = resolve(import.meta.dirname ?? '.', '..', '.cache', 'tiny-models');

const isMain = process.argv[1] && resolve(process.argv[1]).endsWith('make-tiny-models.ts');
if (isMain) {
  const dir = resolve(process.argv[2] ?? DEFAULT_TINY_DIR);
  const files = writeTinyModels(dir);
  console.log(`wrote ${files.length} files under ${dir}`);
  for (const f of files) console.log(`  ${f}`);
}
