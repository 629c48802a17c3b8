export { Tracker, iou, captionKey, type Detection, type Track, type TrackerOptions } from './tracker';
export { measureFrame, isRelationMeasure, isSequenceMeasure, SEQUENCE_MEASURES, NUMERIC_MEASURES, type SequenceMeasure, type NumericMeasure, type FrameValue } from './measure';
export { smoothCurve, type SmoothOptions, type Smoothed } from './smooth';
export { summarizeCurve, type CurveSummary } from './summary';
export { SequenceProcessor, type CameraMode, type CameraPose, type FrameRecord, type FrameFlag, type SequenceFrameInput, type SequenceSetup } from './processor';
export { buildCurve, findTrack, curveToCsv, curveToJson, CSV_HEADER, type Curve, type CurveRow, type CurveFlag } from './curve';
export { pickTracks, type TrackPick } from './pick';
