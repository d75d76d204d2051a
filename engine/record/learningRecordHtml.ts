// The learner's record of a course as one self-contained HTML document: a pure
// function of the course and the progress, so the desktop app (printing it with
// Electron's printToPDF) and browser mode (printed by the learner's browser) produce
// the same pages, and the HTML copy the learner keeps looks the same when opened later.
// Every piece of text is escaped (html.ts); the document loads nothing and runs nothing.

import type { Course } from '../course/model';
import type { CourseProgress } from '../progress/model';
import { dayInWords, durationInWords } from './dates';
import { html, trusted, type Html } from './html';
import { recordFacts, type ModuleFacts, type RecordFacts } from './recordFacts';
import { recordStyles } from './recordStyles';

/** What a record is made from. */
export interface RecordInput {
  course: Course;
  progress: CourseProgress;
  learnerName: string;
  /** When the record is produced (ISO). */
  generatedAt: string;
  /** The version of Health Creation Studio that produced it. */
  appVersion: string;
  /** Time zone the dates are given in; the computer's own when absent. */
  timeZone?: string;
}

/** The record as a complete HTML document, print stylesheet included. */
export function learningRecordHtml(input: RecordInput): string {
  const facts = recordFacts(input.course, input.progress, input.learnerName);
  const day = (iso: string | undefined) => dayInWords(iso, input.timeZone);
  const produced = day(input.generatedAt) ?? input.generatedAt;
  const title = `Learning record: ${facts.learnerName}, ${facts.courseTitle}`;
  const page = html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Health Creation Studio ${input.appVersion}">
<title>${title}</title>
<style>${recordStylesMarkup(`${facts.learnerName}: ${facts.courseTitle}, learning record produced ${produced}`)}</style>
</head>
<body>
<main class="record">
<header>
<p class="record-kind">Learning record</p>
<h1>${facts.courseTitle}</h1>
<p class="record-level">${facts.levelLine}</p>
<dl>
<dt>Learner</dt><dd>${facts.learnerName}</dd>
<dt>Record produced</dt><dd>${produced}, by Health Creation Studio ${input.appVersion}</dd>
</dl>
</header>
${summarySection(facts, day)}
<section aria-labelledby="outcomes">
<h2 id="outcomes">Course learning outcomes</h2>
<p>${facts.courseSummary}</p>
<p>By the end of the course, learners will be able to:</p>
<ol>${facts.outcomes.map((o) => html`<li>${o}</li>`)}</ol>
</section>
${modulesSection(facts, day)}
${scenariosSection(facts)}
${reflectionsSection(facts, day)}
<footer class="record-foot">
<p>Produced by Health Creation Studio ${input.appVersion} on ${produced} from ${facts.learnerName}'s own study record on this computer. Statuses and scores follow the course's rules: a module is complete when every lesson has been read to its end with its questions settled and reflections saved, and every scenario has been played to an ending; a graded question counts the answer given on its last allowed try, and practice quizzes count for nothing.</p>
</footer>
</main>
${facts.completion ? certificate(facts, input.appVersion, produced, day) : ''}
</body>
</html>
`;
  return page.markup;
}

/** The stylesheet, which holds the footer text inside an escaped CSS string (recordStyles.ts), never as markup. */
function recordStylesMarkup(footer: string): Html {
  return trusted(recordStyles(footer));
}

type Day = (iso: string | undefined) => string | undefined;

function summarySection(facts: RecordFacts, day: Day): Html {
  const s = facts.summary;
  const status = facts.completion
    ? `Complete${facts.completion.exact ? ' on' : ' by'} ${day(facts.completion.at) ?? 'a day not recorded'}`
    : s.status === 'not-started'
      ? 'Not started'
      : `In progress: ${s.itemsComplete} of ${s.itemsTotal} lessons and scenarios complete`;
  const graded = facts.modules.filter((m) => m.questions > 0);
  const answered = graded.reduce((sum, m) => sum + m.answered, 0);
  const quiz =
    s.questions === 0
      ? 'This course has no graded questions.'
      : answered === 0
        ? `No graded questions answered yet (${s.questions} in the course)`
        : `Counted score ${percentText(s.score ?? 0)} (${s.correct} of ${s.questions} graded questions right); mastery score met in ${graded.filter((m) => m.masteryPassed).length} of ${graded.length} modules with graded questions`;
  const started = day(facts.startedAt);
  const last = day(facts.lastStudiedAt);
  return html`<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
<dl>
<dt>Status</dt><dd>${status}</dd>
<dt>Modules completed</dt><dd>${facts.modulesComplete} of ${facts.modules.length}</dd>
<dt>Quiz results</dt><dd>${quiz}</dd>
<dt>Scenario endings found</dt><dd>${s.endingsFound} of ${s.endingsTotal}</dd>
<dt>Time spent studying</dt><dd>${durationInWords(facts.seconds)}</dd>
${started ? html`<dt>Studied</dt><dd>${started === last || !last ? `on ${started}` : `from ${started} to ${last}`}</dd>` : ''}
</dl>
</section>`;
}

function modulesSection(facts: RecordFacts, day: Day): Html {
  // Kept on one page where it fits, so its heading and column names are never left alone at a page's foot.
  return html`<section class="record-keep" aria-labelledby="modules">
<h2 id="modules">Modules</h2>
<table>
<caption>Each module's completion, and its counted quiz score against the module's mastery score.</caption>
<thead><tr><th scope="col">Module</th><th scope="col">Completed</th><th scope="col">Quiz score (counted)</th><th scope="col">Mastery score</th><th scope="col">Result</th></tr></thead>
<tbody>
${facts.modules.map(
  (m, i) => html`<tr><th scope="row">${i + 1}. ${m.title}</th><td class="record-day">${completedText(m, day)}</td><td>${scoreText(m)}</td><td>${m.masteryScore}%</td><td>${resultText(m)}</td></tr>
`,
)}</tbody>
</table>
</section>`;
}

function completedText(m: ModuleFacts, day: Day): string {
  if (m.status === 'complete') return day(m.completedAt) ?? 'Complete (day not recorded)';
  if (m.status === 'locked') return 'Not yet open';
  if (m.status === 'not-started') return 'Not started';
  return `In progress (${m.itemsComplete} of ${m.itemsTotal})`;
}

function scoreText(m: ModuleFacts): string {
  if (m.questions === 0) return 'No graded questions';
  if (m.answered === 0) return `Not answered yet (${m.questions} graded questions)`;
  const base = `${percentText(m.score ?? 0)} (${m.correct} of ${m.questions} right)`;
  return m.answered < m.questions ? `${base}; ${m.questions - m.answered} still to answer` : base;
}

function resultText(m: ModuleFacts): string {
  if (m.masteryPassed) return m.questions === 0 ? 'Complete' : 'Mastery met';
  if (m.status !== 'complete') return 'Not complete yet';
  return 'Below the mastery score';
}

/** A score as engine/progress rounds it (two decimals at most), as a percentage. */
function percentText(score: number): string {
  return `${score}%`;
}

function scenariosSection(facts: RecordFacts): Html {
  if (facts.scenarios.length === 0) return html``;
  const items = facts.scenarios.map(
    (s) => html`<div class="record-scenario">
<h3>${s.title}</h3>
<p class="record-where">${s.moduleTitle}. ${s.focus}</p>
${
  s.endings.length === 0
    ? html`<p>No ending found yet (${s.endingsTotal} to find).</p>`
    : html`<p>${s.endings.length} of ${s.endingsTotal} endings found:</p><ul>${s.endings.map((e) => html`<li>${e.title} (${e.kind} ending)</li>`)}</ul>`
}
</div>
`,
  );
  return html`<section aria-labelledby="scenarios">
${keepWithFirst(
  html`<h2 id="scenarios">Scenario endings found</h2>
<p>Each scenario is a branching story in which the learner's choices move the control, contact and confidence of the people in it; each ending found was reached by a different path.</p>`,
  items,
)}</section>`;
}

/** A section's heading (and introduction) kept on one page with its first item, so neither is left alone at a page's foot. */
function keepWithFirst(heading: Html, items: Html[]): Html {
  const [first, ...rest] = items;
  return html`<div class="record-keep">${heading}
${first ?? ''}</div>
${rest}`;
}

function reflectionsSection(facts: RecordFacts, day: Day): Html {
  const heading = html`<h2 id="reflections">Reflections</h2>`;
  if (facts.reflections.length === 0) return html`<section aria-labelledby="reflections">${keepWithFirst(heading, [html`<p>No reflections saved yet.</p>`])}</section>`;
  const items = facts.reflections.map(
    (r) => html`<article class="record-reflection">
<h3>${r.prompt}</h3>
<p class="record-where">${r.moduleTitle}, ${r.lessonTitle}${day(r.savedAt) ? `; saved ${day(r.savedAt)}` : ''}</p>
<blockquote>${r.text}</blockquote>
</article>
`,
  );
  return html`<section aria-labelledby="reflections">${keepWithFirst(heading, items)}</section>`;
}

function certificate(facts: RecordFacts, appVersion: string, produced: string, day: Day): Html {
  const completion = facts.completion!;
  const graded = facts.modules.filter((m) => m.questions > 0);
  const passed = graded.filter((m) => m.masteryPassed).length;
  const mastery =
    graded.length === 0
      ? ''
      : passed === graded.length
        ? 'meeting the mastery score of every module.'
        : `meeting the mastery score in ${passed} of its ${graded.length} modules with graded questions.`;
  return html`<section class="certificate" aria-labelledby="certificate">
<h2 id="certificate">Certificate of completion</h2>
<p>This certifies that</p>
<p class="certificate-name">${facts.learnerName}</p>
<p>completed the course</p>
<p class="certificate-course">${facts.courseTitle}</p>
<p class="certificate-level">${facts.levelLine}</p>
<p>${completion.exact ? 'on' : 'by'} ${day(completion.at) ?? 'a day not recorded'}${mastery ? ',' : '.'}</p>
${mastery ? html`<p>${mastery}</p>` : ''}
<p class="certificate-note">Issued on ${produced} by Health Creation Studio ${appVersion} from the learner's own study record. Academic credit is awarded only by the institution that teaches the course.</p>
</section>`;
}
