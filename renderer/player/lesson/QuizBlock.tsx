// A quiz inside a lesson: its questions and the score across them.
import { useId, useState } from 'react';
import type { Quiz } from '../../../engine/course/model';
import type { AnswerRecord } from '../../../engine/progress/model';
import { QuestionCard } from './QuestionCard';
import { describeScore, scoreQuiz } from './quizScoring';

/** Props of QuizBlock. */
export interface QuizBlockProps {
  quiz: Quiz;
  /** The learner's saved answers, keyed by question id. */
  answers: Readonly<Record<string, AnswerRecord>>;
  onAnswer: (questionId: string, selected: string[]) => void;
}

/** Renders a quiz's questions and keeps its score ("2 of 3 right") as they are answered. */
export function QuizBlock({ quiz, answers, onAnswer }: QuizBlockProps) {
  const titleId = useId();
  const [selections, setSelections] = useState<Record<string, readonly string[]>>(() => {
    const restored: Record<string, readonly string[]> = {};
    for (const q of quiz.questions) {
      const saved = answers[q.id];
      if (saved) restored[q.id] = saved.selected;
    }
    return restored;
  });
  const score = scoreQuiz(quiz, selections);

  return (
    <section className="hcs-quiz" aria-labelledby={titleId} data-quiz-id={quiz.id}>
      <h2 id={titleId}>{quiz.title ?? 'Check your understanding'}</h2>
      {quiz.questions.map((question, index) => (
        <QuestionCard
          key={question.id}
          question={question}
          number={index + 1}
          initialAnswer={selections[question.id]}
          onAnswer={(selected) => {
            setSelections((prev) => ({ ...prev, [question.id]: selected }));
            onAnswer(question.id, selected);
          }}
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
