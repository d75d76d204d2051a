// Writing one journal entry: the prompt, a text box, and Save (also on leaving the
// box), with the save state in words.

import { useId } from 'react';
import type { ReflectionRecord } from '../../../../engine/progress/model';
import type { ReflectionPlace } from './reflections';
import { useSavedDraft } from './useSavedDraft';

/** Props of the entry editor. */
export interface JournalEntryEditorProps {
  place: ReflectionPlace;
  saved?: ReflectionRecord;
  onSave(text: string): void;
}

/** A journal entry editor. */
export function JournalEntryEditor({ place, saved, onSave }: JournalEntryEditorProps) {
  const id = useId();
  const { text, dirty, change, save } = useSavedDraft(saved?.text, onSave);

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
        onChange={(e) => change(e.target.value)}
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
