// The quiz and reflection blocks inside a lesson: YAML positioned at its real line in
// the Markdown file, checked for shape and for an answer key that can be marked.

import type { Quiz, Reflection } from './model';
import type { IdSite } from './idSites';
import { quizBlockSchema, reflectionBlockSchema } from './schema';
import { parseYaml, type Finding, type TextOrigin } from './yamlSource';
import { validateShape } from './zodFindings';

/** A checked block, or only the findings that stopped it. */
export interface BlockResult<T> {
  value?: T;
  idSites: IdSite[];
  findings: Finding[];
}

/** Parses and checks the YAML body of a ```quiz block. */
export function parseQuizBlock(body: string, origin: TextOrigin, file: string): BlockResult<Quiz> {
  const source = parseYaml(body, origin);
  const findings = [...source.findings];
  if (source.value === undefined && findings.length > 0) return { idSites: [], findings };
  const shaped = validateShape(quizBlockSchema, source.value, source, 'quiz');
  if (!shaped.data) return { idSites: [], findings: [...findings, ...shaped.findings] };
  const quiz = shaped.data;
  const at = (path: (string | number)[]) => source.locate(path);
  const idSites: IdSite[] = [{ id: quiz.id, kind: 'quiz', file, at: () => at(['id']) }];
  quiz.questions.forEach((question, q) => {
    idSites.push({ id: question.id, kind: 'question', file, at: () => at(['questions', q, 'id']) });
    const correct = question.options.filter((o) => o.correct).length;
    if (question.type === 'single' && correct !== 1) {
      findings.push({
        ...at(['questions', q, 'type']),
        severity: 'error',
        code: 'HCS024',
        message: `question \`${question.id}\` is \`single\` so exactly one option must have \`correct: true\`, but ${correct} do${correct === 1 ? 'es' : ''}`,
      });
    }
    if (question.type === 'multiple' && correct === 0) {
      findings.push({
        ...at(['questions', q, 'type']),
        severity: 'error',
        code: 'HCS024',
        message: `question \`${question.id}\` is \`multiple\` so at least one option must have \`correct: true\`, but none does`,
      });
    }
    const seen = new Map<string, number>();
    question.options.forEach((option, o) => {
      const earlier = seen.get(option.id);
      if (earlier !== undefined) {
        const first = at(['questions', q, 'options', earlier, 'id']);
        findings.push({
          ...at(['questions', q, 'options', o, 'id']),
          severity: 'error',
          code: 'HCS008',
          message: `duplicate option id \`${option.id}\` in question \`${question.id}\`: already used at ${file}:${first.line}`,
        });
      } else seen.set(option.id, o);
    });
  });
  if (quiz.graded === false && quiz.attempts !== undefined) {
    findings.push({
      ...at(['attempts']),
      severity: 'warning',
      code: 'HCS026',
      message: `quiz \`${quiz.id}\` is practice (\`graded: false\`), which always allows unlimited tries, so \`attempts: ${quiz.attempts}\` has no effect: remove it, or make the quiz graded`,
    });
  }
  // Only what the author wrote is kept: absent fields mean their defaults, and the
  // course data a SCORM package carries stays small.
  const value: Quiz = {
    id: quiz.id,
    ...(quiz.title !== undefined ? { title: quiz.title } : {}),
    ...(quiz.graded !== undefined ? { graded: quiz.graded } : {}),
    ...(quiz.attempts !== undefined ? { attempts: quiz.attempts } : {}),
    questions: quiz.questions.map((q) => ({
      id: q.id,
      type: q.type,
      prompt: q.prompt,
      ...(q.shuffle !== undefined ? { shuffle: q.shuffle } : {}),
      options: q.options.map((o) => ({ ...o })),
    })),
  };
  return { value, idSites, findings };
}

/** Parses and checks the YAML body of a ```reflection block. */
export function parseReflectionBlock(body: string, origin: TextOrigin, file: string): BlockResult<Reflection> {
  const source = parseYaml(body, origin);
  if (source.value === undefined && source.findings.length > 0) return { idSites: [], findings: source.findings };
  const shaped = validateShape(reflectionBlockSchema, source.value, source, 'reflection');
  if (!shaped.data) return { idSites: [], findings: [...source.findings, ...shaped.findings] };
  const r = shaped.data;
  const value: Reflection = { id: r.id, prompt: r.prompt, ...(r.guidance !== undefined ? { guidance: r.guidance } : {}) };
  return { value, idSites: [{ id: r.id, kind: 'reflection', file, at: () => source.locate(['id']) }], findings: source.findings };
}
