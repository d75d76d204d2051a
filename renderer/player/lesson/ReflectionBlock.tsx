// A reflection prompt: the learner writes, and the text goes to their journal when
// they press Save or leave the box, so nothing written is lost by moving on.
import { useId, useMemo, useRef, useState } from 'react';
import type { Reflection } from '../../../engine/course/model';
import type { ReflectionRecord } from '../../../engine/progress/model';
import { InlineHtml } from '../Prose';
import { renderInlineMarkdown } from '../markdown';

/** Props of ReflectionBlock. */
export interface ReflectionBlockProps {
  reflection: Reflection;
  /** The saved journal entry, if any. */
  saved?: ReflectionRecord;
  onSave: (text: string) => void;
}

type SaveState = 'empty' | 'saved' | 'unsaved' | 'nothing-to-save';

const STATUS_TEXT: Record<SaveState, string> = {
  empty: '',
  saved: 'Saved',
  unsaved: 'Not saved yet',
  'nothing-to-save': 'Write something first, then save it to your journal.',
};

/** A labelled text box with Save to journal (also on leaving the box) and a Saved status. */
export function ReflectionBlock({ reflection, saved, onSave }: ReflectionBlockProps) {
  const baseId = useId();
  const [text, setText] = useState(saved?.text ?? '');
  const [state, setState] = useState<SaveState>(saved ? 'saved' : 'empty');
  const lastSaved = useRef(saved?.text);
  const prompt = useMemo(() => renderInlineMarkdown(reflection.prompt), [reflection.prompt]);
  const guidance = useMemo(() => (reflection.guidance ? renderInlineMarkdown(reflection.guidance) : undefined), [reflection.guidance]);

  const save = (fromBlur: boolean) => {
    if (text === lastSaved.current) {
      if (lastSaved.current !== undefined) setState('saved');
      return;
    }
    if (text.trim() === '' && lastSaved.current === undefined) {
      if (!fromBlur) setState('nothing-to-save');
      return;
    }
    lastSaved.current = text;
    setState('saved');
    onSave(text);
  };

  return (
    <section className="hcs-reflection" aria-labelledby={`${baseId}-heading`} data-reflection-id={reflection.id}>
      <h2 id={`${baseId}-heading`}>Reflect</h2>
      <label htmlFor={`${baseId}-text`} className="hcs-reflection-prompt">
        <InlineHtml html={prompt} />
      </label>
      {guidance !== undefined && (
        <p id={`${baseId}-guidance`} className="hcs-guidance">
          <InlineHtml html={guidance} />
        </p>
      )}
      <textarea
        id={`${baseId}-text`}
        rows={6}
        value={text}
        aria-describedby={reflection.guidance ? `${baseId}-guidance` : undefined}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setState(e.currentTarget.value === lastSaved.current ? 'saved' : 'unsaved');
        }}
        onBlur={() => save(true)}
      />
      <div className="hcs-actions">
        <button type="button" className="hcs-button" onClick={() => save(false)}>
          Save to journal
        </button>
        <p className="hcs-save-status" role="status" data-state={state}>
          {STATUS_TEXT[state]}
        </p>
      </div>
    </section>
  );
}
