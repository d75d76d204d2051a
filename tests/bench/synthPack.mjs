// A synthetic course pack for benchmarks, importable: `generateSynthPack(dir, options)`.
// Its default shape is the one the validate benchmark uses: 200 modules x 10 lessons,
// each lesson with a 2-question quiz, a reflection and an image, and 100 scenarios x
// 50 nodes with conditions, so timings of the two commands can be compared.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PROSE = Array.from({ length: 12 }, (_, i) =>
  `Health creation starts from what matters to people and the strengths they already have; paragraph ${i + 1} repeats this so the lesson has the length of a real one, with enough words to count.`,
).join('\n\n');

function lesson(m, l) {
  const id = `m${m}-l${l}`;
  return `---
id: ${id}
title: Lesson ${l} of module ${m}
minutes: 12
outcomes: [m${m}-o1]
---

# Lesson ${l}

${PROSE}

![A diagram of the three Cs](media/diagram.svg)

## Check your understanding

\`\`\`quiz
id: ${id}-quiz
questions:
  - id: ${id}-q1
    type: single
    prompt: Which of these is one of the 3Cs?
    options:
      - id: a
        text: Control
        correct: true
        feedback: Yes, control over one's own life.
      - id: b
        text: Compliance
        correct: false
        feedback: No, health creation moves away from compliance.
  - id: ${id}-q2
    type: multiple
    prompt: Which of these are among the 3Cs?
    options:
      - id: a
        text: Contact
        correct: true
        feedback: Yes.
      - id: b
        text: Confidence
        correct: true
        feedback: Yes.
\`\`\`

\`\`\`reflection
id: ${id}-reflect
prompt: What would you do differently after this lesson?
\`\`\`
`;
}

function scenario(s, m, nodes) {
  const lines = [`id: s${s}`, `title: Scenario ${s}`, 'summary: A long synthetic story.', 'focus: A patient', `outcomes: [m${m}-o1]`, 'variables:', '  trust: { label: Trust, initial: 0, min: 0, max: 10 }', 'start: n0', 'nodes:'];
  for (let n = 0; n < nodes; n++) {
    lines.push(`  n${n}:`);
    if (n >= nodes - 2) {
      lines.push('    ending:', `      title: Ending ${n}`, `      kind: ${n === nodes - 1 ? 'positive' : 'mixed'}`, '      features: [listening-and-responding]', '      debrief: What happened and why.');
      continue;
    }
    lines.push(`    text: Point ${n} in the story.`, '    choices:');
    lines.push('      - id: listen', '        text: Listen.', `        to: n${n + 1}`, '        effects: { trust: 1, control: 1 }');
    lines.push('      - id: skip', '        text: Move on.', `        to: n${Math.min(n + 2, nodes - 1)}`, '        when: "trust >= 2 or contact > 3"', '        effects: { contact: -1 }');
  }
  return `${lines.join('\n')}\n`;
}

/** Writes a synthetic pack into `dir` (emptied first). */
export function generateSynthPack(dir, { modules = 200, lessons = 10, scenarios = 100, nodes = 50 } = {}) {
  const write = (file, text) => {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  rmSync(dir, { recursive: true, force: true });
  const folders = Array.from({ length: modules }, (_, m) => `modules/m${m}`);
  write('course.yaml', `id: bench-course
title: Benchmark course
version: 1.0.0
summary: A synthetic pack for timing the tools.
level: { award: undergraduate, fheq: 6 }
credits: 120
outcomes:
  - id: co1
    text: Describe health creation.
modules:
${folders.map((f) => `  - ${f}`).join('\n')}
`);
  for (let m = 0; m < modules; m++) {
    const files = Array.from({ length: lessons }, (_, l) => `l${l}.md`);
    const stories = m < scenarios ? [`s${m}.scenario.yaml`] : [];
    write(`modules/m${m}/module.yaml`, `id: m${m}
title: Module ${m}
summary: Module ${m} of the benchmark.
outcomes:
  - id: m${m}-o1
    text: Apply health creation.
    courseOutcomes: [co1]
prerequisites: [${m > 0 ? `m${m - 1}` : ''}]
estimatedMinutes: 120
masteryScore: 70
lessons: [${files.join(', ')}]
scenarios: [${stories.join(', ')}]
`);
    write(`modules/m${m}/media/diagram.svg`, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>diagram</title></svg>\n');
    files.forEach((file, l) => write(`modules/m${m}/${file}`, lesson(m, l)));
    if (m < scenarios) write(`modules/m${m}/s${m}.scenario.yaml`, scenario(m, m, nodes));
  }
}
