// A quiz inside a lesson: its questions, what it counts for, and the score across them.
import { useId } from 'react';
import type { Quiz } from '../../../engine/course/model';
import { isGraded, triesAllowed } from '../../../engine/progress/attempts';
import type { AnswerRecord } from '../../../engine/progress/model';
import type { TextLinks } from '../markdown';
import { QuestionCard } from './QuestionCard';
import { describeScore, scoreQuiz } from './quizScoring';

/** Props of QuizBlock. */
export interface QuizBlockProps {
  quiz: Quiz;
  /** The learner's saved answers, keyed by question id. */
  answers: Readonly<Record<string, AnswerRecord>>;
  /** The learner's shuffle seed. */
  seed: string;
  onAnswer: (questionId: string, selected: string[]) => void;
  /** Citations to link in the questions' text and feedback. */
  links?: TextLinks;
}

/** What the quiz counts for and how many tries it gives, in a sentence. */
export function quizRulesText(quiz: Quiz): string {
  if (!isGraded(quiz)) return 'Practice: this quiz does not count towards your mark, and you can try each question as often as you like.';
  const tries = triesAllowed(quiz);
  return `This quiz counts towards the module's mastery score. You have ${tries === 1 ? 'one try' : `${tries} tries`} at each question; the right answer and why are shown after your last.`;
}

/** Renders a quiz's questions and keeps its score ("2 of 3 right") as they are answered. */
export function QuizBlock({ quiz, answers, seed, onAnswer, links }: QuizBlockProps) {
  const titleId = useId();
  const score = scoreQuiz(quiz, answers);

  return (
    <section className="hcs-quiz" aria-labelledby={titleId} data-quiz-id={quiz.id} data-graded={isGraded(quiz) ? 'true' : 'false'}>
      <h2 id={titleId}>{quiz.title ?? 'Check your understanding'}</h2>
      <p className="hcs-quiz-rules">{quizRulesText(quiz)}</p>
      {quiz.questions.map((question, index) => (
        <QuestionCard
          key={question.id}
          question={question}
          quiz={quiz}
          number={index + 1}
          seed={seed}
          record={Object.hasOwn(answers, question.id) ? answers[question.id] : undefined}
          onAnswer={(selected) => onAnswer(question.id, selected)}
          links={links}
        />
      ))}
      <p className="hcs-quiz-score" role="status">
        {score.answered === 0
          ? `${quiz.questions.length} ${quiz.questions.length === 1 ? 'question' : 'questions'}, none answered yet.`
          : `Score: ${describeScore(score)}${score.answered < score.total ? ` (${score.answered} of ${score.total} answered)` : ''}.`}
      </p>
    </section>
  );
}
