import { describe, expect, test } from 'vitest';
import { citationTitles, linkedGlossary, termForms, termSlug } from '../../../engine/course/textLinks';

describe('citationTitles', () => {
  test('maps the full title and the shorter title a reference is cited by to its id', () => {
    const titles = citationTitles([
      { id: 'manifesto', title: 'A Manifesto for Health Creation', organisation: 'New NHS Alliance' },
      { id: 'hca-values', title: 'Our values: the five features of health creating practice', organisation: 'The Health Creation Alliance', cite: 'Our values' },
    ]);
    expect([...titles]).toEqual([
      ['A Manifesto for Health Creation', 'manifesto'],
      ['Our values: the five features of health creating practice', 'hca-values'],
      ['Our values', 'hca-values'],
    ]);
  });

  test('a title two references share stays with the first', () => {
    const titles = citationTitles([
      { id: 'a', title: 'Report', organisation: 'A' },
      { id: 'b', title: 'Report', organisation: 'B' },
    ]);
    expect(titles.get('Report')).toBe('a');
  });
});

describe('glossary terms', () => {
  test('a slug is the term\'s words in lower case joined by hyphens, accents dropped', () => {
    expect(termSlug('The 3Cs')).toBe('the-3cs');
    expect(termSlug('Integrated Care Board (ICB)')).toBe('integrated-care-board-icb');
    expect(termSlug('Café société')).toBe('cafe-societe');
  });

  test('a term is found as written, without its abbreviation, without a leading "The", and by its abbreviation', () => {
    expect(termForms('Integrated Care Board (ICB)')).toEqual({ slug: 'integrated-care-board-icb', words: ['Integrated Care Board (ICB)', 'Integrated Care Board'], abbreviations: ['ICB'] });
    expect(termForms('The 3Cs')).toEqual({ slug: 'the-3cs', words: ['The 3Cs', '3Cs'], abbreviations: [] });
    // A bracketed remark that is not an abbreviation is not looked for on its own.
    expect(termForms('Practice (in placement)').abbreviations).toEqual([]);
  });

  test('the glossary is listed alphabetically with slugs', () => {
    expect(linkedGlossary([{ term: 'Valuation', definition: 'v' }, { term: 'asset', definition: 'a' }]).map((g) => [g.term, g.slug])).toEqual([
      ['asset', 'asset'],
      ['Valuation', 'valuation'],
    ]);
  });
});
