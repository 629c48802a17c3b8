/**
 * A simple, documented multi-object tracker for frame sequences.
 *
 * Each frame brings detections (caption, 2D box, 3D centre in the sequence's reference frame). A detection
 * may continue a live track only when
 *   - its caption is the track's caption (case and spacing ignored): captions come from the sidecars or the
 *     detector, and a "can" never turns into an "orange";
 *   - and it is near the track's last sighting: 2D IoU >= `minIoU`, or 3D centre distance <= `maxCentreDistance`
 *     (the gate widens by that distance per missed frame, since the object kept moving while unseen).
 * Pairs are then matched greedily by cost = (1 - IoU) + centre distance / maxCentreDistance (cheapest first),
 * one detection per track. A track that finds no detection is "missed"; it keeps its id through `maxMissed`
 * missed frames in a row (default 2) and ends on the next miss. A detection that continues no track starts a
 * new track with a new id; ended ids are never reused.
 */
import type { Vec3 } from '../geometry/vec';
import { distance } from '../geometry/vec';
import type { Box2D } from '../scene/types';

export interface Detection {
  caption: string;
  box2d: Box2D;
  /** 3D centre in the sequence's reference frame (metres); absent when the object has no depth. */
  center?: Vec3;
}

export interface TrackerOptions {
  /** Missed frames in a row a track survives (default 2); one more miss ends it. */
  maxMissed?: number;
  /** Smallest 2D IoU that counts as near (default 0.1). */
  minIoU?: number;
  /** Largest 3D centre move per frame that counts as near, metres (default 0.5). */
  maxCentreDistance?: number;
}

export interface Track {
  id: string;
  caption: string;
  firstFrame: number;
  lastFrame: number;
  /** Frames this track was seen in. */
  frames: number;
  /** Frame after which the track ended (last sighting + maxMissed + 1 misses), or null while live. */
  endedAt: number | null;
}

interface LiveTrack extends Track {
  box2d: Box2D;
  center?: Vec3;
  missed: number;
}

export const captionKey = (caption: string): string => caption.trim().toLowerCase().replace(/\s+/g, ' ');

export function iou(a: Box2D, b: Box2D): number {
  const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
  const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  const inter = ix * iy;
  const area = (r: Box2D) => Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0);
  const union = area(a) + area(b) - inter;
  return union > 0 ? inter / union : 0;
}

export class Tracker {
  private readonly maxMissed: number;
  private readonly minIoU: number;
  private readonly maxMove: number;
  private readonly live: LiveTrack[] = [];
  private readonly all: LiveTrack[] = [];
  private next = 1;

  constructor(opts: TrackerOptions = {}) {
    this.maxMissed = opts.maxMissed ?? 2;
    this.minIoU = opts.minIoU ?? 0.1;
    this.maxMove = opts.maxCentreDistance ?? 0.5;
  }

  /** Associates one frame's detections; returns the track id of each detection, in order. */
  step(frame: number, detections: readonly Detection[]): string[] {
    const pairs: { t: number; d: number; cost: number }[] = [];
    this.live.forEach((tr, ti) => {
      const key = captionKey(tr.caption);
      detections.forEach((det, di) => {
        if (captionKey(det.caption) !== key) return;
        const overlap = iou(tr.box2d, det.box2d);
        const gate = this.maxMove * (1 + tr.missed);
        const dist = tr.center && det.center ? distance(tr.center, det.center) : null;
        const near = overlap >= this.minIoU || (dist !== null && dist <= gate);
        // a 3D jump far past the gate vetoes a 2D overlap (another object of the same kind behind it)
        if (!near || (dist !== null && dist > 2 * gate)) return;
        pairs.push({ t: ti, d: di, cost: 1 - overlap + (dist ?? gate) / this.maxMove });
      });
    });
    pairs.sort((p, q) => p.cost - q.cost || p.t - q.t || p.d - q.d);
    const ids: (string | null)[] = detections.map(() => null);
    const usedTrack = new Set<number>();
    for (const p of pairs) {
      if (usedTrack.has(p.t) || ids[p.d] !== null) continue;
      usedTrack.add(p.t);
      const tr = this.live[p.t];
      const det = detections[p.d];
      Object.assign(tr, { box2d: det.box2d, center: det.center ?? tr.center, missed: 0, lastFrame: frame, frames: tr.frames + 1 });
      ids[p.d] = tr.id;
    }
    // misses: survive maxMissed frames, end on the next
    for (let ti = this.live.length - 1; ti >= 0; ti--) {
      if (usedTrack.has(ti)) continue;
      const tr = this.live[ti];
      tr.missed++;
      if (tr.missed > this.maxMissed) {
        tr.endedAt = frame;
        this.live.splice(ti, 1);
      }
    }
    return detections.map((det, di) => {
      const id = ids[di];
      if (id !== null) return id;
      const tr: LiveTrack = {
        id: `t${this.next++}`, caption: det.caption, firstFrame: frame, lastFrame: frame, frames: 1, endedAt: null,
        box2d: det.box2d, center: det.center, missed: 0,
      };
      this.live.push(tr);
      this.all.push(tr);
      return tr.id;
    });
  }

  /** Every track so far (live and ended), in order of creation. */
  tracks(): Track[] {
    return this.all.map(({ id, caption, firstFrame, lastFrame, frames, endedAt }) => ({ id, caption, firstFrame, lastFrame, frames, endedAt }));
  }
}
