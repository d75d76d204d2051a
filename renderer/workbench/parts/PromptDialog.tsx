// A question asked in a dialog (a name for a new lesson, Save or not before closing):
// the text box, if any, takes focus; Enter gives the first answer, Escape none.

import { useState, type FormEvent } from 'react';
import { useOverlay, useServices } from '../WorkbenchContext';
import { Dialog } from './Dialog';

/** The question the overlay holds, as a dialog. */
export function PromptDialog() {
  const services = useServices();
  const prompt = useOverlay((s) => s.context.prompt);
  const [value, setValue] = useState(prompt?.input?.value ?? '');
  if (!prompt) return null;
  const answer = (action: string | undefined) => services.answerPrompt(prompt.id, action === undefined ? undefined : { action, value });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    answer(prompt.actions[0]?.id);
  };
  return (
    <Dialog title={prompt.title} onClose={() => answer(undefined)}>
      <form className="wb-prompt" onSubmit={onSubmit}>
        {prompt.message && <p>{prompt.message}</p>}
        {prompt.input && (
          <label className="wb-prompt-field">
            <span>{prompt.input.label}</span>
            <input
              type="text"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              onFocus={(e) => e.target.select()}
              autoComplete="off"
              spellCheck={false}
            />
          </label>
        )}
        <div className="wb-prompt-actions">
          {prompt.actions.map((a, i) => (
            <button key={a.id} type={i === 0 ? 'submit' : 'button'} className={i === 0 ? 'wb-button wb-button-primary' : 'wb-button'} onClick={i === 0 ? undefined : () => answer(a.id)}>
              {a.label}
            </button>
          ))}
        </div>
      </form>
    </Dialog>
  );
}
