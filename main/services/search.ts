// Search across every course on the machine: lesson prose, quiz and reflection prompts,
// and scenario text, so a learner can find "social prescribing" wherever it is taught.
// Each lesson and scenario is one document of plain text; a document matches when it
// holds every word of the query, and ranks higher for matches in its title, for the
// exact phrase, and for repeated matches. Courses are small (a few hundred documents),
// so a scan of a cached plain-text index answers well within a keystroke.

import type { SearchHit } from '../../engine/api/studioApi';
import type { Course, Lesson, Scenario } from '../../engine/course/model';
import type { CourseCatalog } from './courseCatalog';

/** Most hits one search returns. */
export const MAX_HITS = 50;
/** Characters of context shown before a match in a snippet. */
const BEFORE = 60;
/** Characters of snippet in all. */
const SNIPPET = 180;

/** Searches every course that loads. */
export interface CourseSearch {
  search(query: string): Promise<SearchHit[]>;
}

/** One searchable item: a lesson or a scenario. */
interface SearchDoc {
  hit: Omit<SearchHit, 'snippet'>;
  text: string;
  foldedText: string;
  foldedTitle: string;
}

/** Builds search over the catalog; each course's index is built once per loaded Course. */
export function createCourseSearch(catalog: CourseCatalog): CourseSearch {
  const indexes = new WeakMap<Course, SearchDoc[]>();
  const indexOf = (course: Course): SearchDoc[] => {
    let docs = indexes.get(course);
    if (!docs) indexes.set(course, (docs = indexCourse(course)));
    return docs;
  };
  return {
    async search(query) {
      const terms = queryTerms(query);
      if (terms.length === 0) return [];
      const docs: SearchDoc[] = [];
      for (const entry of await catalog.list()) {
        if (entry.status !== 'ok') continue;
        const course = await catalog.load(entry.id);
        if (course) docs.push(...indexOf(course));
      }
      return rank(docs, terms, fold(query.trim().replace(/\s+/g, ' ')));
    },
  };
}

/** Splits a query into folded words. */
export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((t) => t.replace(/^['-]+|['-]+$/g, ''))
    .filter((t) => t.length > 0);
}

function rank(docs: readonly SearchDoc[], terms: readonly string[], phrase: string): SearchHit[] {
  const scored: Array<{ doc: SearchDoc; score: number; order: number }> = [];
  docs.forEach((doc, order) => {
    let score = 0;
    for (const term of terms) {
      const inTitle = doc.foldedTitle.includes(term);
      const inText = countUpTo(doc.foldedText, term, 5);
      if (!inTitle && inText === 0) return;
      score += (inTitle ? 10 : 0) + inText;
    }
    if (terms.length > 1 && doc.foldedTitle.includes(phrase)) score += 15;
    if (terms.length > 1 && doc.foldedText.includes(phrase)) score += 5;
    scored.push({ doc, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, MAX_HITS).map(({ doc }) => ({ ...doc.hit, snippet: snippetOf(doc, terms, phrase) }));
}

function countUpTo(haystack: string, needle: string, max: number): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1 && count < max; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** Plain text around the first match (the phrase if present, else the first word found). */
function snippetOf(doc: SearchDoc, terms: readonly string[], phrase: string): string {
  const positions = [phrase, ...terms].map((t) => doc.foldedText.indexOf(t)).filter((p) => p >= 0);
  const at = positions[0] ?? 0;
  let start = Math.max(0, at - BEFORE);
  if (start > 0) start = doc.text.indexOf(' ', start) + 1 || start;
  let end = Math.min(doc.text.length, start + SNIPPET);
  if (end < doc.text.length) end = doc.text.lastIndexOf(' ', end) > at ? doc.text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${doc.text.slice(start, end).trim()}${end < doc.text.length ? '…' : ''}`;
}

/** Builds the documents of one course. */
export function indexCourse(course: Course): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const module of course.modules) {
    for (const lesson of module.lessons) {
      docs.push(makeDoc({ courseId: course.id, moduleId: module.id, kind: 'lesson', itemId: lesson.id, title: lesson.title }, lessonText(lesson)));
    }
    for (const scenario of module.scenarios) {
      docs.push(
        makeDoc({ courseId: course.id, moduleId: module.id, kind: 'scenario', itemId: scenario.id, title: scenario.title }, scenarioText(scenario)),
      );
    }
  }
  return docs;
}

function makeDoc(hit: SearchDoc['hit'], parts: string[]): SearchDoc {
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return { hit, text, foldedText: fold(text), foldedTitle: fold(hit.title) };
}

function lessonText(lesson: Lesson): string[] {
  return lesson.blocks.flatMap((block) => {
    if (block.kind === 'markdown') return [markdownToText(block.markdown)];
    if (block.kind === 'quiz') {
      const { quiz } = block;
      return [quiz.title ?? '', ...quiz.questions.flatMap((q) => [markdownToText(q.prompt), ...q.options.map((o) => markdownToText(o.text))])];
    }
    return [markdownToText(block.reflection.prompt), markdownToText(block.reflection.guidance ?? '')];
  });
}

function scenarioText(scenario: Scenario): string[] {
  return [
    scenario.summary,
    scenario.focus,
    ...Object.values(scenario.nodes).flatMap((node) => [
      markdownToText(node.text),
      ...node.choices.flatMap((c) => [markdownToText(c.text), markdownToText(c.feedback ?? '')]),
      ...(node.ending ? [node.ending.title, markdownToText(node.ending.debrief), ...node.ending.pathNotes.map((n) => markdownToText(n.text))] : []),
    ]),
  ];
}

/** Reduces Markdown to the words a reader sees. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/```[^\n]*\n/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Lower-cases and strips accents one character at a time, so folded text keeps the
 * same length as the original and a match's position is also its position in the
 * text shown in the snippet.
 */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += base.length === ch.length ? base : ch;
  }
  return out;
}
