import { describe, expect, it } from 'vitest';
import { pathNotesFor } from '../../../engine/scenario/pathNotes';
import { fakeEnding } from '../../fakes/fakeCourse';

describe('pathNotesFor', () => {
  const ending = fakeEnding({
    pathNotes: [
      { when: 'control > 3', text: 'Control rose.' },
      { when: 'contact <= 2 and control > 3', text: 'Contact did not rise.' },
      { when: 'control <= 3', text: 'Control did not rise.' },
    ],
  });

  it('keeps the notes whose condition holds for the values at the ending, in file order', () => {
    expect(pathNotesFor(ending, { control: 5, contact: 2 }).map((n) => n.text)).toEqual(['Control rose.', 'Contact did not rise.']);
    expect(pathNotesFor(ending, { control: 3, contact: 4 }).map((n) => n.text)).toEqual(['Control did not rise.']);
  });

  it('never shows a note whose condition does not parse (the loader reports it)', () => {
    expect(pathNotesFor(fakeEnding({ pathNotes: [{ when: 'control >', text: 'Broken.' }] }), { control: 9 })).toEqual([]);
  });
});
