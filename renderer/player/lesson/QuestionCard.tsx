// One quiz question: choose, check, read why each choice was or was not right, try again.
// Right and wrong are said in words beside an icon, never by colour alone.
import { useId, useState, type FormEvent } from 'react';
import type { Question, QuestionOption } from '../../../engine/course/model';
import { isAnswerCorrect } from './quizScoring';

/** Props of QuestionCard. */
export interface QuestionCardProps {
  question: Question;
  number: number;
  /** The selection last checked, restored from progress; undefined if never answered. */
  initialAnswer?: readonly string[];
  /** Called with the selection when the learner checks an answer. */
  onAnswer: (selected: string[]) => void;
}

/** A single- or multiple-choice question with a Check answer button and per-option feedback. */
export function QuestionCard({ question, number, initialAnswer, onAnswer }: QuestionCardProps) {
  const [selected, setSelected] = useState<string[]>(() => [...(initialAnswer ?? [])]);
  const [checked, setChecked] = useState(initialAnswer !== undefined);
  const [hint, setHint] = useState('');
  const baseId = useId();
  const multiple = question.type === 'multiple';

  const toggle = (optionId: string, on: boolean) => {
    setHint('');
    if (!multiple) setSelected([optionId]);
    else setSelected((prev) => (on ? [...prev.filter((id) => id !== optionId), optionId] : prev.filter((id) => id !== optionId)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (checked) return;
    if (selected.length === 0) {
      setHint(multiple ? 'Choose at least one answer first.' : 'Choose an answer first.');
      return;
    }
    const ordered = question.options.map((o) => o.id).filter((id) => selected.includes(id));
    setSelected(ordered);
    setChecked(true);
    onAnswer(ordered);
  };

  const tryAgain = () => {
    setChecked(false);
    setSelected([]);
    setHint('');
  };

  const right = checked && isAnswerCorrect(question, selected);
  const resultText = !checked ? hint : right ? 'Right.' : multiple ? 'Not quite right yet.' : 'Not right.';

  return (
    <form className="hcs-question" onSubmit={submit} data-question-id={question.id}>
      <fieldset aria-describedby={`${baseId}-result`}>
        <legend>
          <span className="hcs-question-number">Question {number}. </span>
          {question.prompt}
          <span className="hcs-question-kind"> {multiple ? '(choose all that apply)' : '(choose one)'}</span>
        </legend>
        <ul className="hcs-options">
          {question.options.map((option) => (
            <OptionRow
              key={option.id}
              option={option}
              name={baseId}
              multiple={multiple}
              chosen={selected.includes(option.id)}
              checked={checked}
              onToggle={toggle}
            />
          ))}
        </ul>
      </fieldset>
      <p id={`${baseId}-result`} className="hcs-question-result" role="status" data-outcome={checked ? (right ? 'right' : 'wrong') : undefined}>
        {checked && <span aria-hidden="true" className="hcs-icon">{right ? '✓ ' : '✗ '}</span>}
        {resultText}
      </p>
      <div className="hcs-actions">
        {/* One button that changes role keeps keyboard focus in place after checking. */}
        <button key="action" type={checked ? 'button' : 'submit'} onClick={checked ? tryAgain : undefined} className="hcs-button">
          {checked ? 'Try again' : 'Check answer'}
        </button>
      </div>
    </form>
  );
}

interface OptionRowProps {
  option: QuestionOption;
  name: string;
  multiple: boolean;
  chosen: boolean;
  checked: boolean;
  onToggle: (optionId: string, on: boolean) => void;
}

/** One option: its input and, once checked, whether it was right and its feedback. */
function OptionRow({ option, name, multiple, chosen, checked, onToggle }: OptionRowProps) {
  const inputId = `${name}-${option.id}`;
  const verdict = checked ? optionVerdict(option, chosen) : undefined;
  return (
    <li className="hcs-option" data-option-id={option.id} data-verdict={verdict?.kind}>
      <input
        id={inputId}
        type={multiple ? 'checkbox' : 'radio'}
        name={name}
        value={option.id}
        checked={chosen}
        disabled={checked}
        onChange={(e) => onToggle(option.id, e.currentTarget.checked)}
      />
      <label htmlFor={inputId}>{option.text}</label>
      {verdict && (
        <div className="hcs-option-feedback">
          <p className="hcs-verdict">
            <span aria-hidden="true" className="hcs-icon">{verdict.icon} </span>
            {verdict.words}
          </p>
          {(chosen || option.correct) && <p>{option.feedback}</p>}
        </div>
      )}
    </li>
  );
}

/** What to say about an option after checking; options neither right nor chosen get no comment. */
function optionVerdict(option: QuestionOption, chosen: boolean): { kind: string; icon: string; words: string } | undefined {
  if (chosen && option.correct) return { kind: 'chosen-right', icon: '✓', words: 'Your choice: right.' };
  if (chosen) return { kind: 'chosen-wrong', icon: '✗', words: 'Your choice: not right.' };
  if (option.correct) return { kind: 'missed-right', icon: '✓', words: 'A right answer you did not choose.' };
  return undefined;
}
