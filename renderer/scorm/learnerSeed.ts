// The seed of a learner's option order inside a SCORM package. It is made once, at the
// learner's first launch, and kept in suspend_data, so the order never changes for them
// even if the LMS later reports their id differently. From the LMS's learner id when it
// gives one (the same learner then sees the same order in every module of the course);
// at random when it gives none, as Open edX's XBlock does (its GetValue answers only
// values the package set itself), so learners still differ from one another.

/** At most SEED_CHARS (engine/scorm/suspendFit.ts) characters. */
export function learnerSeed(lmsLearnerId: string, random: () => number = secureRandom): string {
  if (lmsLearnerId) {
    let h = 0x811c9dc5;
    for (let i = 0; i < lmsLearnerId.length; i++) h = Math.imul(h ^ lmsLearnerId.charCodeAt(i), 0x01000193) >>> 0;
    return `l${h.toString(36)}`;
  }
  return `r${Math.floor(random() * 2 ** 52).toString(36)}`;
}

function secureRandom(): number {
  const c = globalThis.crypto;
  if (!c?.getRandomValues) return Math.random();
  const [a, b] = c.getRandomValues(new Uint32Array(2));
  return (a! * 2 ** 21 + (b! >>> 11)) / 2 ** 53;
}
