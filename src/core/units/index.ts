export * from './length';
export * from './uncertainty';
