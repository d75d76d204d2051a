// Starting files for a course, module, lesson or scenario, shared by `hcs new` and the
// workbench's New Module, New Lesson and New Scenario: each one valid as written, so
// an author begins from a pack that passes `hcs validate` and changes it step by step,
// and the terminal and the app start every author from the same text.

/** Values substituted into the templates. */
export interface TemplateValues {
  id: string;
  title: string;
  /** Relative path from the new file's folder to the schema folder, or undefined when none was found. */
  schemaDir?: string;
}

/** A title as YAML text: plain when YAML reads it back unchanged, else double-quoted (an author's title may hold `: ` or `#`). */
export function yamlText(value: string): string {
  const plain = /^[A-Za-z][^:#'"\n]*$/.test(value) && value.trim() === value && !/^(true|false|null|yes|no|on|off)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

const schemaLine = (v: TemplateValues, file: string) => (v.schemaDir ? `# yaml-language-server: $schema=${v.schemaDir}/${file}\n` : '');

/** course.yaml for a new course whose first module is `moduleFolder`. */
export function courseYaml(v: TemplateValues, moduleFolder: string): string {
  return `${schemaLine(v, 'course.schema.json')}id: ${v.id}
title: ${yamlText(v.title)}
version: 0.1.0
summary: One or two sentences that tell learners what the course is about.
level:
  award: undergraduate        # undergraduate | postgraduate
  fheq: 6                     # 4-6 undergraduate, 7-8 postgraduate
studyHours: 10
language: en-GB
authors: [Your name]
outcomes:
  - id: co1
    text: Explain what the course teaches, starting with a measurable verb.
modules:                      # module folders in study order
  - ${moduleFolder}
references: []
glossary: []
`;
}

/** module.yaml for a new module whose outcome serves `courseOutcomes`. */
export function moduleYaml(v: TemplateValues, lessonFile: string, courseOutcomes: readonly string[]): string {
  return `${schemaLine(v, 'module.schema.json')}id: ${v.id}
title: ${yamlText(v.title)}
summary: One or two sentences about what this module covers.
outcomes:
  - id: ${v.id.slice(0, 36)}-o1
    text: Describe what a learner can do after this module.
    courseOutcomes: [${courseOutcomes.join(', ')}]   # ids of outcomes in course.yaml
prerequisites: []             # ids of modules to complete first
estimatedMinutes: 60
masteryScore: 70              # % of this module's questions right to pass
lessons:
  - ${lessonFile}
scenarios: []
`;
}

/** What a new lesson is called: its id (the quiz, question and reflection ids derive from it), title and outcomes. */
export interface LessonValues {
  id: string;
  title: string;
  /** Module outcome ids the lesson serves. */
  outcomes: readonly string[];
}

/** A lesson with one quiz and one reflection; `v.id` is at most 32 characters so the ids derived from it stay within 40. */
export function lessonMarkdown(v: LessonValues): string {
  return `---
id: ${v.id}
title: ${yamlText(v.title)}
minutes: 15
outcomes: [${v.outcomes.join(', ')}]
---

# ${v.title}

Write the lesson here in Markdown. Cite the source of every fact, and give every
image alt text, as in \`![A chart of ...](media/chart.svg)\`.

\`\`\`quiz
id: ${v.id}-quiz
questions:
  - id: ${v.id}-q1
    type: single
    prompt: Write the question here.
    options:
      - id: a
        text: The right answer.
        correct: true
        feedback: Why this is right, teaching the point.
      - id: b
        text: A tempting wrong answer.
        correct: false
        feedback: Why this is not right, teaching the point.
\`\`\`

\`\`\`reflection
id: ${v.id}-reflect
prompt: Ask the learner to connect the lesson to their own practice.
\`\`\`
`;
}

/** A scenario with one choice point and two endings. */
export function scenarioYaml(v: TemplateValues): string {
  return `${schemaLine(v, 'scenario.schema.json')}id: ${v.id}
title: ${yamlText(v.title)}
summary: One sentence about the situation the learner steps into.
focus: The person whose control, contact and confidence the story follows
outcomes: []                  # module outcome ids
initial: { control: 3, contact: 3, confidence: 3 }
start: opening
nodes:
  opening:
    text: |
      Set the scene in Markdown.
    choices:
      - id: listen
        text: Ask what matters to them.
        to: good-ending
        effects: { control: 1, confidence: 1 }
      - id: tell
        text: Tell them what to do.
        to: poor-ending
        effects: { control: -1 }
  good-ending:
    ending:
      title: Heard
      kind: positive
      features: [listening-and-responding]
      debrief: |
        Say what went well and which features of practice were at play.
  poor-ending:
    ending:
      title: Told
      kind: negative
      debrief: |
        Say what was missed and what could be done differently.
`;
}
