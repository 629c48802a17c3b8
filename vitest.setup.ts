import fc from 'fast-check';

// Property tests explore with a fixed seed so CI is repeatable; FC_SEED=<n> explores other corners locally.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });
