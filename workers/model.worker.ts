/**
 * The one model worker script: every model role (depth, masks, objects, filter, vlm) lives in it, so the
 * app ships Transformers.js + onnxruntime-web once instead of once per role (Vite bundles each worker
 * entry on its own, with no chunks shared between workers). The pipeline still starts one worker per role
 * (src/pipeline/workers.ts names it), so masks and depth keep running side by side; the role's API is
 * picked here from the worker's name.
 */
import * as Comlink from 'comlink';
import { createDepthApi } from './roles/depth';
import { createFilterApi } from './roles/filter';
import { createMasksApi } from './roles/masks';
import { createObjectsApi } from './roles/objects';
import { createVlmApi } from './roles/vlm';

const ROLES = { depth: createDepthApi, masks: createMasksApi, objects: createObjectsApi, filter: createFilterApi, vlm: createVlmApi };

const role = (self as unknown as { name: string }).name as keyof typeof ROLES;
const create = ROLES[role];
if (!create) throw new Error(`model worker started without a known role name (got "${role}"; expected ${Object.keys(ROLES).join(', ')})`);
Comlink.expose(create());
