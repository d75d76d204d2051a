// The learner's own note on the lesson or scenario in front: a text box saved on
// leaving it or with Save, and the save state in words.

import { useId } from 'react';
import { MAX_NOTE_CHARS, type NoteRecord } from '../../../../engine/progress/model';
import { useSavedDraft } from './useSavedDraft';

/** Props of the note editor; the caller keys it by item so each item keeps its own draft. */
export interface NotesEditorProps {
  itemId: string;
  title: string;
  saved?: NoteRecord;
  onSave(text: string): void;
}

/** A note editor for one lesson or scenario. */
export function NotesEditor({ itemId, title, saved, onSave }: NotesEditorProps) {
  const id = useId();
  const { text, dirty, change, save } = useSavedDraft(saved?.text, onSave);

  return (
    <div className="wb-notes-entry" data-note-item={itemId}>
      <label htmlFor={`${id}-text`} className="wb-journal-prompt">
        Notes on {title}
      </label>
      <textarea
        id={`${id}-text`}
        rows={4}
        maxLength={MAX_NOTE_CHARS}
        value={text}
        onChange={(e) => change(e.target.value)}
        onBlur={save}
      />
      <div className="wb-journal-actions">
        <button type="button" className="wb-button" onClick={save}>
          Save note
        </button>
        <span className="wb-hint" role="status">
          {dirty ? 'Not saved yet' : saved ? `Note saved ${new Date(saved.at).toLocaleString()}` : ''}
        </span>
      </div>
    </div>
  );
}
