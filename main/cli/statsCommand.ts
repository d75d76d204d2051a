// `hcs stats <pack>`: the size of a course, for planning study time.

import { courseStats, type CourseStats } from '../../engine/course/courseStats';
import { formatDiagnostic } from '../../engine/course/diagnostics';
import { EXIT, UsageError, type CliCommand } from './command';
import { loadPackAt } from './loadPack';

const LABELS: Record<keyof CourseStats, string> = {
  modules: 'modules',
  lessons: 'lessons',
  scenarios: 'scenarios',
  nodes: 'scenario nodes',
  endings: 'scenario endings',
  quizzes: 'quizzes',
  questions: 'questions',
  reflections: 'reflections',
  words: 'words',
  estimatedMinutes: 'estimated study minutes',
  lessonMinutes: 'lesson minutes',
};

/** The stats command. */
export const statsCommand: CliCommand = {
  name: 'stats',
  usage: 'hcs stats <pack> [--json]',
  summary: 'Count the modules, lessons, scenarios, questions and words of a course, and its study time.',
  options: { json: { type: 'boolean' } },
  async run({ positionals, values }, io) {
    if (positionals.length !== 1) throw new UsageError('stats needs exactly one course pack folder');
    const pack = positionals[0]!;
    const { course, diagnostics } = await loadPackAt(pack, io.cwd);
    if (!course) {
      for (const d of diagnostics) io.err(`${formatDiagnostic(d, pack)}\n`);
      io.err(`hcs stats: ${pack} has errors, so it cannot be counted; fix them first (hcs validate ${pack}).\n`);
      return EXIT.errors;
    }
    const stats = courseStats(course);
    if (values['json']) {
      io.out(`${JSON.stringify({ id: course.id, title: course.title, ...stats }, null, 2)}\n`);
      return EXIT.ok;
    }
    const width = Math.max(...Object.values(LABELS).map((l) => l.length));
    io.out(`${course.title} (${course.id})\n`);
    for (const [key, label] of Object.entries(LABELS)) io.out(`  ${label.padEnd(width)}  ${stats[key as keyof CourseStats]}\n`);
    return EXIT.ok;
  },
};
