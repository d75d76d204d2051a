import { describe, expect, it } from 'vitest';
import { plainText } from '../../../engine/scorm/plainText';

describe('plainText', () => {
  it('drops Markdown emphasis, code and link syntax and folds lines into one', () => {
    expect(plainText('Which of **these** is *right*?\nSee [the manifesto](https://example.org) and `3Cs`.')).toBe(
      'Which of these is right? See the manifesto and 3Cs.',
    );
  });

  it('cuts long text at a word, with an ellipsis, within the limit', () => {
    const text = plainText('word '.repeat(100), 50);
    expect(text.length).toBeLessThanOrEqual(50);
    expect(text.endsWith('word…')).toBe(true);
  });

  it('never starts with a brace, which an LMS would read as a language tag', () => {
    expect(plainText('{lang=en} text')).toBe('lang=en} text');
  });
});
