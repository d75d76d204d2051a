// Reads what a debrief says happened to the 3Cs ("her control rose", "contact and
// confidence fell", "his control did not change") so a test can hold each statement to
// the values the story actually ended with.
import { THREE_CS } from '../../engine/course/model';

/** Which way a debrief says one of the 3Cs moved over the play-through. */
export type Direction = 'up' | 'down' | 'same' | 'not-up' | 'not-down';

/** One statement about one of the 3Cs. */
export interface Claim {
  c: (typeof THREE_CS)[number];
  direction: Direction;
  /** The words the statement was read from. */
  said: string;
}

const C = '(?:control|contact|confidence)';
const LIST = `${C}(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+)${C})*`;
const VERBS: Array<[RegExp, Direction]> = [
  [/^(?:rose|grew|went up|increased|improved|(?:has|have) (?:risen|grown|increased|improved))\b/, 'up'],
  [/^(?:fell|dropped|went down|decreased|(?:has|have) (?:fallen|dropped|decreased))\b/, 'down'],
  [/^(?:did not (?:change|move)|stayed (?:the same|where (?:it|they) (?:was|were)|unchanged)|(?:was|were|is|are) unchanged|(?:has|have) not (?:changed|moved))\b/, 'same'],
  [/^(?:did not (?:rise|grow|increase|improve)|(?:has|have) not (?:risen|grown|increased|improved))\b/, 'not-up'],
  [/^(?:did not (?:fall|drop|decrease)|(?:has|have) not (?:fallen|dropped|decreased))\b/, 'not-down'],
];
const CLAIM = new RegExp(`\\b(${LIST})\\s+(?:all\\s+|both\\s+|each\\s+|also\\s+|then\\s+)?`, 'gi');
/** Past-tense words of movement: a sentence with one of these beside a C must read as a claim. */
const MOVEMENT = /\b(?:rose|risen|fell|fallen|grew|grown|dropped|increased|decreased|improved|went up|went down|stayed|unchanged|(?:is|are|was|were) (?:high|low))\b/i;

/** The sentences of some Markdown, with emphasis and links reduced to their words. */
function sentences(markdown: string): string[] {
  const plain = markdown.replace(/\*\*?|__?|`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ');
  return plain.split(/(?<=[.!?;:])\s+/).filter((s) => s.trim() !== '');
}

/** Every statement about the 3Cs in some Markdown, and the sentences that seem to make one but cannot be read. */
export function threeCsClaims(markdown: string): { claims: Claim[]; unreadable: string[] } {
  const claims: Claim[] = [];
  const unreadable: string[] = [];
  for (const sentence of sentences(markdown)) {
    const found: Claim[] = [];
    for (const match of sentence.matchAll(CLAIM)) {
      const rest = sentence.slice(match.index! + match[0].length).toLowerCase();
      const verb = VERBS.find(([re]) => re.test(rest));
      if (!verb) continue;
      for (const c of match[1]!.toLowerCase().match(new RegExp(C, 'g'))!) {
        found.push({ c: c as Claim['c'], direction: verb[1], said: sentence.trim() });
      }
    }
    claims.push(...found);
    if (found.length === 0 && new RegExp(`\\b${C}\\b`, 'i').test(sentence) && MOVEMENT.test(sentence)) unreadable.push(sentence.trim());
  }
  return { claims, unreadable };
}

/** True when a claimed direction fits the change the play-through made. */
export function claimHolds(direction: Direction, change: number): boolean {
  switch (direction) {
    case 'up':
      return change > 0;
    case 'down':
      return change < 0;
    case 'same':
      return change === 0;
    case 'not-up':
      return change <= 0;
    case 'not-down':
      return change >= 0;
  }
}
