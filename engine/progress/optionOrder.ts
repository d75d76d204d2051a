// The order a learner sees a question's options in. Each learner gets their own order
// for each question, seeded by who they are and which question it is, so it is the
// same every time they come back (in the Studio, and in any SCORM package, which keeps
// its seed in suspend data) but differs from one learner to the next. A pinned option
// ("All of the above") keeps its written place, and `shuffle: false` keeps them all.

import type { Question, QuestionOption } from '../course/model';

/** 32-bit FNV-1a hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: a small, well-spread generator of numbers in [0, 1) from a 32-bit seed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The options of `question` in the order the learner with `seed` sees them. */
export function optionOrder(question: Question, seed: string): QuestionOption[] {
  if (question.shuffle === false) return [...question.options];
  const random = generator(hash(`${seed}\u0000${question.id}`));
  const free = question.options.filter((o) => !o.pin);
  for (let i = free.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [free[i], free[j]] = [free[j]!, free[i]!];
  }
  let next = 0;
  return question.options.map((o) => (o.pin ? o : free[next++]!));
}
