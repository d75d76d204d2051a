// The robustness loops (the loader fuzz, the progress store's kill loop and the Studio
// API probe) each end with one line of figures: printed for the test log, with the
// seed that replays the run, and appended as JSON to the file named by
// HCS_ROBUSTNESS_REPORT when tests/bench/robustness-bench.mjs runs them at scale.

import { appendFileSync } from 'node:fs';

export { seededRandom } from './engine/scenario/randomScenario';

/** What one loop tried and what went wrong. */
export interface LoopFigures {
  loop: string;
  /** Cases tried: mutated packs, kills, probes. */
  tried: number;
  /** Cases where an oracle failed: a crash, a wrong diagnostic, a raw error, a reset connection. */
  failed: number;
  /** Acknowledged changes missing afterwards, or state that disagreed with what was saved. */
  lost: number;
  seed?: number;
  detail?: string;
}

/** Prints the loop's figures and records them for the benchmark, when it asked. */
export function reportLoop(figures: LoopFigures): void {
  const seed = figures.seed === undefined ? '' : `, seed ${figures.seed}`;
  console.log(`${figures.loop}: ${figures.tried} tried, ${figures.failed} failed, ${figures.lost} lost${seed}${figures.detail ? ` (${figures.detail})` : ''}`);
  const file = process.env.HCS_ROBUSTNESS_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(figures)}\n`);
}

/** A whole number from the environment, or the default (how the benchmark scales the loops up). */
export function countFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** The seed to use: HCS_FUZZ_SEED when given (to replay a failure), else a fresh one. */
export function seedFromEnv(): number {
  const given = Number(process.env.HCS_FUZZ_SEED);
  return Number.isInteger(given) && given >= 0 ? given : Math.floor(Math.random() * 2 ** 31);
}
