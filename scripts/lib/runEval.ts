/** Oracle-depth evaluation of an index of RGB-D frames: the engine behind `npm run eval`. Node only. */
import { dirname } from 'node:path';
import { loadRgbdIndex, type RgbdIndexEntry } from './fixtures';
import { buildFixtureScene, loadAnnotatedFrame, truthScene } from './groundTruth';
import { failedFrame, sceneMetrics, summarize, type FrameReport, type Report } from './evalReport';

export async function evaluateFrame(entry: RgbdIndexEntry, baseDir: string): Promise<FrameReport> {
  const af = await loadAnnotatedFrame(entry, baseDir);
  const { scene, cloud } = buildFixtureScene(af);
  const d = af.frame.depth.data;
  let valid = 0;
  for (let i = 0; i < d.length; i++) if (d[i] > 0 && Number.isFinite(d[i])) valid++;
  const truth = truthScene(af);
  return {
    id: entry.id,
    width: af.frame.depth.width,
    height: af.frame.depth.height,
    validDepthShare: valid / d.length,
    points: cloud.count,
    ...sceneMetrics(scene, af.trueUpCam, truth),
  };
}


/** Evaluates every frame of the index (paths relative to the index folder's parent); failures are reported per frame. */
export async function runEval(indexPath: string): Promise<Report> {
  const entries = loadRgbdIndex(indexPath);
  const baseDir = dirname(dirname(indexPath));
  const frames: FrameReport[] = [];
  for (const entry of entries) {
    try {
      frames.push(await evaluateFrame(entry, baseDir));
    } catch (e) {
      frames.push(failedFrame(entry, (e as Error).message));
    }
  }
  return summarize(frames, indexPath, 'oracle-depth');
}
