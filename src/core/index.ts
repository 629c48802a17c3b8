export * from './geometry/vec';
export * from './geometry/raster';
export * from './camera/intrinsics';
export * from './scene/types';
export * from './reason/query';
export * from './reason/answer';
