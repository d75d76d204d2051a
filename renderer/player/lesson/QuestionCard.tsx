// One quiz question: choose, check, and read why each choice was or was not right.
// In a graded quiz the right answer and the teaching feedback wait until the question
// is settled (answered rightly, or out of tries), so a learner who guesses cannot read
// the answer off a wrong try and pass on the next; a practice quiz shows them at once
// and offers unlimited tries. Right and wrong are said in words beside an icon, never by
// colour alone. The options appear in the learner's own order (engine/progress/optionOrder).
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Question, QuestionOption, Quiz } from '../../../engine/course/model';
import { isGraded, isSettled, triesLeft } from '../../../engine/progress/attempts';
import type { AnswerRecord } from '../../../engine/progress/model';
import { optionOrder } from '../../../engine/progress/optionOrder';
import { InlineHtml, RenderedHtml } from '../Prose';
import { renderInlineMarkdown, renderMarkdown, type TextLinks } from '../markdown';
import { isAnswerCorrect } from './quizScoring';

/** Props of QuestionCard. */
export interface QuestionCardProps {
  question: Question;
  quiz: Quiz;
  number: number;
  /** The learner's shuffle seed, so they see the same order on every visit. */
  seed: string;
  /** The learner's saved answer, from progress; undefined if never answered. */
  record?: AnswerRecord;
  /** Called with the selection when the learner checks an answer. */
  onAnswer: (selected: string[]) => void;
  /** Citations to link in the question's text and feedback (glossary terms are marked in the lesson's prose only). */
  links?: TextLinks;
}

/** A question's Markdown rendered once: the prompt and options inline, the feedback as paragraphs. */
interface RenderedQuestion {
  prompt: string;
  options: Record<string, { text: string; feedback: string }>;
}

/** An answer checked here and not yet back in the saved record. */
interface Checked {
  selected: string[];
  attempts: number;
  correct: boolean;
}

/** A single- or multiple-choice question with a Check answer button and per-option feedback. */
export function QuestionCard({ question, quiz, number, seed, record, onAnswer, links }: QuestionCardProps) {
  const rendered = useMemo((): RenderedQuestion => {
    const citations = links?.citations ? { citations: links.citations } : undefined;
    return {
      prompt: renderInlineMarkdown(question.prompt, citations),
      options: Object.fromEntries(question.options.map((o) => [o.id, { text: renderInlineMarkdown(o.text, citations), feedback: renderMarkdown(o.feedback, '', citations) }])),
    };
  }, [question, links?.citations]);
  const options = useMemo(() => optionOrder(question, seed), [question, seed]);
  const graded = isGraded(quiz);
  // What was last checked: the saved record, or an answer just checked that the host
  // has not yet handed back (the record catches up once the event is applied).
  const [pending, setPending] = useState<Checked>();
  const last: Checked | undefined =
    pending && pending.attempts > (record?.attempts ?? 0) ? pending : record ? { selected: record.selected, attempts: record.attempts, correct: record.correct } : undefined;
  const [retrying, setRetrying] = useState<number>();
  const showingAnswer = last !== undefined && retrying !== last.attempts;
  const [choice, setChoice] = useState<string[]>([]);
  const selected = showingAnswer ? last.selected : choice;
  const [hint, setHint] = useState('');
  // When checking settles a question its button goes; focus moves to the result, not to the page.
  const [focusResult, setFocusResult] = useState(false);
  const resultRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!focusResult) return;
    resultRef.current?.focus();
    setFocusResult(false);
  }, [focusResult]);
  const baseId = useId();
  const multiple = question.type === 'multiple';
  const asRecord = last && { quizId: quiz.id, selected: last.selected, correct: last.correct, attempts: last.attempts, at: '' };
  const settled = graded && isSettled(quiz, asRecord);
  const left = triesLeft(quiz, asRecord);
  // Practice shows everything at once; graded waits for the question to be settled.
  const reveal = showingAnswer && (!graded || settled);

  const toggle = (optionId: string, on: boolean) => {
    setHint('');
    if (!multiple) setChoice([optionId]);
    else setChoice((prev) => (on ? [...prev.filter((id) => id !== optionId), optionId] : prev.filter((id) => id !== optionId)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (showingAnswer) return;
    if (choice.length === 0) {
      setHint(multiple ? 'Choose at least one answer first.' : 'Choose an answer first.');
      return;
    }
    const ordered = question.options.map((o) => o.id).filter((id) => choice.includes(id));
    const next = { selected: ordered, attempts: (last?.attempts ?? 0) + 1, correct: isAnswerCorrect(question, ordered) };
    setPending(next);
    if (graded && isSettled(quiz, { quizId: quiz.id, at: '', ...next })) setFocusResult(true);
    setRetrying(undefined);
    setChoice([]);
    onAnswer(ordered);
  };

  const tryAgain = () => {
    setRetrying(last?.attempts);
    setChoice([]);
    setHint('');
  };

  const right = showingAnswer && last.correct;
  const tries = (n: number) => `${n} more ${n === 1 ? 'try' : 'tries'}`;
  const resultText = !showingAnswer
    ? hint
    : right
      ? 'Right.'
      : !graded
        ? multiple ? 'Not quite right yet.' : 'Not right.'
        : settled
          ? `Not right. That was your last try, so the right answer is shown below.`
          : `Not right. You have ${tries(left)} at this question; the answer is shown once you get it right or use them all.`;
  const canTryAgain = showingAnswer && !right && (!graded || left > 0);

  return (
    <form className="hcs-question" onSubmit={submit} data-question-id={question.id} data-settled={settled ? 'true' : undefined}>
      <fieldset aria-describedby={`${baseId}-result`}>
        <legend>
          <span className="hcs-question-number">Question {number}. </span>
          <InlineHtml html={rendered.prompt} />
          <span className="hcs-question-kind"> {multiple ? '(choose all that apply)' : '(choose one)'}</span>
        </legend>
        <ul className="hcs-options">
          {options.map((option) => (
            <OptionRow
              key={option.id}
              option={option}
              rendered={rendered.options[option.id]!}
              name={baseId}
              multiple={multiple}
              chosen={selected.includes(option.id)}
              locked={showingAnswer}
              reveal={reveal}
              onToggle={toggle}
            />
          ))}
        </ul>
      </fieldset>
      <p ref={resultRef} tabIndex={-1} id={`${baseId}-result`} className="hcs-question-result" role="status" data-outcome={showingAnswer ? (right ? 'right' : 'wrong') : undefined}>
        {showingAnswer && <span aria-hidden="true" className="hcs-icon">{right ? '✓ ' : '✗ '}</span>}
        {resultText}
      </p>
      {(!showingAnswer || canTryAgain) && (
        <div className="hcs-actions">
          {/* One button that changes role keeps keyboard focus in place after checking. */}
          <button key="action" type={showingAnswer ? 'button' : 'submit'} onClick={showingAnswer ? tryAgain : undefined} className="hcs-button">
            {showingAnswer ? 'Try again' : 'Check answer'}
          </button>
        </div>
      )}
    </form>
  );
}

interface OptionRowProps {
  option: QuestionOption;
  rendered: { text: string; feedback: string };
  name: string;
  multiple: boolean;
  chosen: boolean;
  /** The answer is checked: inputs are fixed. */
  locked: boolean;
  /** The right answer and the feedback may be shown. */
  reveal: boolean;
  onToggle: (optionId: string, on: boolean) => void;
}

/** One option: its input and, once revealed, whether it was right and its feedback. */
function OptionRow({ option, rendered, name, multiple, chosen, locked, reveal, onToggle }: OptionRowProps) {
  const inputId = `${name}-${option.id}`;
  const verdict = reveal ? optionVerdict(option, chosen) : undefined;
  return (
    <li className="hcs-option" data-option-id={option.id} data-verdict={verdict?.kind}>
      <input
        id={inputId}
        type={multiple ? 'checkbox' : 'radio'}
        name={name}
        value={option.id}
        checked={chosen}
        disabled={locked}
        onChange={(e) => onToggle(option.id, e.currentTarget.checked)}
      />
      <label htmlFor={inputId}>
        <InlineHtml html={rendered.text} />
      </label>
      {verdict && (
        <div className="hcs-option-feedback">
          <p className="hcs-verdict">
            <span aria-hidden="true" className="hcs-icon">{verdict.icon} </span>
            {verdict.words}
          </p>
          {(chosen || option.correct) && <RenderedHtml html={rendered.feedback} className="hcs-feedback" />}
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
