/**
 * One planned sequence frame -> the processor's input, through the app's one RGB-D loader (loadRgbdInput:
 * headers, shape check, depth decode and checks, photo at the depth map's size, sidecar boxes, camera).
 * One camera per sequence: the first frame that loads fixes the size and the intrinsics; a later frame of
 * another size fails with the reason (a folder with mixed sizes), and the others go on.
 */
import type { Intrinsics, IntrinsicsSource } from '../core/camera/intrinsics';
import type { SequenceFrameInput } from '../core/sequence';
import type { Named } from './pairFiles';
import { loadRgbdInput, type InputFile, type PhotoDecoder } from './photoInput';
import type { PlannedFrame, SequencePlan } from './sequenceFolder';

export interface SequenceCamera {
  intrinsics: Intrinsics;
  source: IntrinsicsSource;
  detail: string;
  size: { width: number; height: number };
}

export type FrameRead =
  | { ok: true; input: SequenceFrameInput; camera: SequenceCamera; warning: string | null }
  /** `noDepth`: the photo has no depth frame (a gap, not an error in the files). */
  | { ok: false; timestamp: number; error: string; noDepth?: boolean };

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function readSequenceFrame<T extends Named>(
  plan: SequencePlan<T>,
  frame: PlannedFrame<T>,
  open: (f: T) => InputFile,
  decoder: PhotoDecoder,
  camera: SequenceCamera | null,
): Promise<FrameRead> {
  const name = open(frame.photo).name;
  if (!frame.depth) return { ok: false, timestamp: frame.timestamp, error: `${name}: no depth frame`, noDepth: true };
  try {
    const i = plan.intrinsics;
    const loaded = await loadRgbdInput({
      photo: open(frame.photo), depth: open(frame.depth), sidecar: frame.sidecar ? open(frame.sidecar) : undefined,
      metresPerUnit: 1 / plan.depthScale,
      ...(i ? { intrinsics: { fx: i.fx, fy: i.fy, cx: i.cx, cy: i.cy }, intrinsicsDetail: 'intrinsics.json of the sequence' } : {}),
    }, decoder);
    const size = { width: loaded.depth.width, height: loaded.depth.height };
    if (camera && (size.width !== camera.size.width || size.height !== camera.size.height)) {
      return { ok: false, timestamp: frame.timestamp, error: `${name}: ${size.width} × ${size.height}, but the sequence is ${camera.size.width} × ${camera.size.height} (one camera per sequence)` };
    }
    const cam = camera ?? { intrinsics: loaded.camera.intrinsics, source: loaded.camera.source, detail: loaded.camera.detail, size };
    return {
      ok: true, camera: cam, warning: loaded.depthWarning,
      input: {
        timestamp: frame.timestamp, depth: loaded.depth, rgb: loaded.rgb,
        objects: (loaded.objects ?? []).map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d })),
      },
    };
  } catch (e) {
    return { ok: false, timestamp: frame.timestamp, error: why(e) };
  }
}
