// Property tests (fast-check) draw from a fixed seed, so that CI passes or fails on the code alone.
// FC_SEED=<n> npm test explores other inputs; a failure prints the seed and path to replay it.
import fc from "fast-check";

const seed = Number(process.env.FC_SEED ?? 20240101);
if (!Number.isSafeInteger(seed)) throw new Error(`invalid FC_SEED: ${process.env.FC_SEED}`);
fc.configureGlobal({ seed });
