// A text box's draft over a saved text: what the learner is typing, whether it is saved,
// and the save itself. The journal's entries and the notes both write this way.

import { useEffect, useState } from 'react';

/** The draft of one saved text, with its change and save handlers. */
export interface SavedDraft {
  text: string;
  dirty: boolean;
  change(text: string): void;
  save(): void;
}

/** Keeps a draft of `savedText`; `save` hands it to `onSave` when it changed (an empty never-saved text is not a save). */
export function useSavedDraft(savedText: string | undefined, onSave: (text: string) => void): SavedDraft {
  const [text, setText] = useState(savedText ?? '');
  const [dirty, setDirty] = useState(false);

  // A text saved from elsewhere (a lesson's own box, another tab) shows here unless the learner is mid-edit.
  useEffect(() => {
    if (!dirty) setText(savedText ?? '');
  }, [savedText]);

  return {
    text,
    dirty,
    change(next) {
      setText(next);
      setDirty(true);
    },
    save() {
      if (!dirty) return;
      setDirty(false);
      if (text.trim() === '' && savedText === undefined) return;
      onSave(text);
    },
  };
}
