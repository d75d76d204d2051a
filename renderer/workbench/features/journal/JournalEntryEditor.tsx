// Writing one journal entry: the prompt, a text box, and Save (also on leaving the
// box), with the save state in words.

import { useEffect, useId, useState } from 'react';
import type { ReflectionRecord } from '../../../../engine/progress/model';
import type { ReflectionPlace } from './reflections';

/** Props of the entry editor. */
export interface JournalEntryEditorProps {
  place: ReflectionPlace;
  saved?: ReflectionRecord;
  onSave(text: string): void;
}

/** A journal entry editor. */
export function JournalEntryEditor({ place, saved, onSave }: JournalEntryEditorProps) {
  const id = useId();
  const [text, setText] = useState(saved?.text ?? '');
  const [dirty, setDirty] = useState(false);

  // An entry saved elsewhere (the lesson's own box) shows here unless the learner is mid-edit.
  useEffect(() => {
    if (!dirty) setText(saved?.text ?? '');
  }, [saved?.text]);

  const save = () => {
    if (!dirty) return;
    if (text.trim() === '' && !saved) return;
    onSave(text);
    setDirty(false);
  };

  return (
    <div className="wb-journal-entry" data-reflection-id={place.reflection.id}>
      <label htmlFor={`${id}-text`} className="wb-journal-prompt">
        {place.reflection.prompt}
      </label>
      <p className="wb-hint">
        {place.lesson.title} · {place.module.title}
      </p>
      <textarea
        id={`${id}-text`}
        rows={4}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setDirty(true);
        }}
        onBlur={save}
      />
      <div className="wb-journal-actions">
        <button type="button" className="wb-button" onClick={save}>
          Save to journal
        </button>
        <span className="wb-hint" role="status">
          {dirty ? 'Not saved yet' : saved ? `Saved ${new Date(saved.at).toLocaleString()}` : ''}
        </span>
      </div>
    </div>
  );
}
