/**
 * The small VLM's prompt: the user's question, the image, and a compact list of the scene's measured
 * facts, so the VLM words answers around numbers the geometry measured instead of guessing them.
 */
import type { SceneGraph } from '../../../core/scene/types';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: ({ type: 'image' } | { type: 'text'; text: string })[];
}

const r2 = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

/** One line per object, capped; positions are box centres in the canonical frame (+Y up, -Z forward). */
export function sceneFacts(scene: SceneGraph, maxObjects = 12): string[] {
  const lines: string[] = [];
  const objs = [...scene.objects].sort((a, b) => b.confidence - a.confidence).slice(0, maxObjects);
  for (const o of objs) {
    const c = o.obb.center;
    lines.push(
      `${o.id} "${o.caption}": centre x=${r2(c[0])} y=${r2(c[1])} z=${r2(c[2])} m; ` +
        `size w=${r2(o.size.width)} h=${r2(o.size.height)} d=${r2(o.size.depth)} m; ` +
        `distance from camera ${r2(Math.hypot(c[0], c[1] - scene.frame.cameraHeight, c[2]))} m`,
    );
  }
  if (scene.objects.length > objs.length) lines.push(`(${scene.objects.length - objs.length} more objects omitted)`);
  return lines;
}

export const VLM_SYSTEM =
  'You answer questions about a photo. Measured facts about the scene follow, in metres: x to the right, ' +
  'y up from the floor or table, z towards the camera (negative is farther away). Prefer these numbers to ' +
  'your own estimates, and say so when the facts do not cover the question. Answer in one or two sentences.';

export function buildVlmMessages(question: string, scene: SceneGraph | null): ChatMessage[] {
  const facts = scene ? sceneFacts(scene) : [];
  const factText = facts.length ? `Scene facts:\n${facts.map((f) => `- ${f}`).join('\n')}\n\n` : '';
  return [
    {
      role: 'user',
      content: [{ type: 'image' }, { type: 'text', text: `${VLM_SYSTEM}\n\n${factText}Question: ${question.trim()}` }],
    },
  ];
}
