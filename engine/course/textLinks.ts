// How a course's text points at its references and glossary. Lessons cite a source by
// its title in italics, "(*A Manifesto for Health Creation*, New NHS Alliance)", or by
// the shorter title a reference declares as `cite`; a glossary term is linked by a
// slug of its words. The player turns both into links, the workbench's views use the
// same keys, so a citation and the reference it opens can never disagree.

import type { GlossaryEntry, Reference } from './model';

/** Reference ids by every title the text may cite them by (the full title and `cite`). */
export function citationTitles(references: readonly Reference[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const reference of references) {
    for (const title of [reference.title, reference.cite]) {
      const key = title?.trim();
      // A title two references share names neither for sure, so the first keeps it.
      if (key && !titles.has(key)) titles.set(key, reference.id);
    }
  }
  return titles;
}

/** The slug a glossary term is linked and found by: its words in lower case, joined by hyphens. */
export function termSlug(term: string): string {
  return term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The ways a term may appear in the text: its words (in any case) and its abbreviation (as written). */
export interface TermForms {
  slug: string;
  /** "Integrated Care Board (ICB)" is found as itself and as "Integrated Care Board"; "The 3Cs" as "3Cs" too. */
  words: string[];
  /** "ICB": matched only in capitals, so an abbreviation never marks an ordinary word. */
  abbreviations: string[];
}

/** The forms of a glossary term to look for in the text. */
export function termForms(term: string): TermForms {
  const whole = term.trim();
  const abbreviation = /^(.*\S)\s*\(([^()]+)\)$/.exec(whole);
  const base = abbreviation ? abbreviation[1]! : whole;
  const words = [whole, base, base.replace(/^the\s+/i, '')].filter((w) => w.length >= 2);
  const abbreviations = abbreviation && /^[A-Z][A-Za-z0-9']*[A-Z0-9]$/.test(abbreviation[2]!) ? [abbreviation[2]!] : [];
  return { slug: termSlug(whole), words: [...new Set(words)], abbreviations };
}

/** A glossary entry with its slug. */
export interface LinkedTerm extends GlossaryEntry {
  slug: string;
}

/** The course's glossary with slugs, in alphabetical order of the terms. */
export function linkedGlossary(glossary: readonly GlossaryEntry[]): LinkedTerm[] {
  return glossary
    .map((entry) => ({ ...entry, slug: termSlug(entry.term) }))
    .filter((entry) => entry.slug !== '')
    .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}
