// The shipped courses teach from the source documents in courses/sources and must
// say it in their own words: any unquoted run of eight or more words found in a
// source fails, naming the file, the line and the run.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { findCopiedRuns, MIN_COPIED_WORDS, sourceRuns } from './copiedRuns';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const seedsDir = path.resolve(repoRoot, 'courses/sources');
const shippedCourses = ['courses/health-creation-ug', 'courses/health-creation-pg'];
const otherCourses = ['courses/sample'];
const TEXT_FILE = /\.(md|markdown|ya?ml|txt|svg|json)$/i;

function textFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return textFilesUnder(full);
    return TEXT_FILE.test(name) ? [full] : [];
  });
}

function loadSeeds(): string[] {
  if (!existsSync(seedsDir)) {
    throw new Error(`The source documents were not found at ${seedsDir}; the own-words check needs them in courses/sources.`);
  }
  const files = readdirSync(seedsDir).filter((name) => name.endsWith('.txt'));
  if (files.length === 0) throw new Error(`No source documents (*.txt) in ${seedsDir}.`);
  return files.map((name) => readFileSync(path.join(seedsDir, name), 'utf8'));
}

describe('copied-run detection', () => {
  const runs = sourceRuns(['Health creation is built on control, contact and confidence, said the old report today.']);

  it('finds an unquoted run of eight or more words copied from a source, whatever the case and punctuation', () => {
    const found = findCopiedRuns('Intro line.\nWe read that HEALTH creation is built on control; contact and confidence -- said the old report.', runs);
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(2);
    expect(found[0]?.words.join(' ')).toBe('health creation is built on control contact and confidence said the old report');
    expect(findCopiedRuns('They say creation is built on control, contact and confidence.', runs).map((r) => r.words.length)).toEqual([8]);
  });

  it('allows the same run inside curly or straight quotation marks', () => {
    expect(findCopiedRuns('The report says “health creation is built on control, contact and confidence, said the old report”.', runs)).toEqual([]);
    expect(findCopiedRuns('The report says "health creation is built on control, contact and confidence, said the old" here.', runs)).toEqual([]);
  });

  it('allows the same run in a Markdown blockquote', () => {
    expect(findCopiedRuns('> Health creation is built on control, contact and confidence, said the old report.', runs)).toEqual([]);
  });

  it('does not let an unclosed quotation mark excuse the rest of a paragraph', () => {
    expect(findCopiedRuns('A 6" ruler: health creation is built on control, contact and confidence, said the old report.', runs)).toHaveLength(1);
  });

  it('allows the title of a cited document, but not prose copied around it', () => {
    const titled = sourceRuns(['Health Creation: Coming of Age and Addressing Health Inequalities. It says communities lead the delivery of solutions they know will work.']);
    const title = 'Health Creation: Coming of Age and Addressing Health Inequalities';
    expect(findCopiedRuns('As the article says (*Health Creation: Coming of Age and Addressing Health Inequalities*, 2022).', titled, 8, [title])).toEqual([]);
    expect(findCopiedRuns('As the article says (*Health Creation: Coming of Age and Addressing Health Inequalities*, 2022).', titled)).toHaveLength(1);
    expect(findCopiedRuns('Communities lead the delivery of solutions they know will work.', titled, 8, [title])).toHaveLength(1);
  });

  it('passes seven shared words', () => {
    expect(findCopiedRuns('We know it is on control, contact and confidence.', runs)).toEqual([]);
  });
});

/** The titles of the documents each course cites, from the references in its course.yaml. */
function referenceTitles(dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) => {
    const file = path.join(repoRoot, dir, 'course.yaml');
    if (!existsSync(file)) return [];
    const course = parseYaml(readFileSync(file, 'utf8')) as { references?: Array<{ title?: unknown }> };
    return (course.references ?? []).flatMap((r) => (typeof r.title === 'string' ? [r.title] : []));
  });
}

describe('shipped courses are written in their own words', () => {
  const seeds = loadSeeds();
  const runs = sourceRuns(seeds);
  const titles = referenceTitles([...shippedCourses, ...otherCourses]);
  const folders = [...shippedCourses, ...otherCourses.filter((dir) => existsSync(path.join(repoRoot, dir)))];

  it.each(shippedCourses)('%s is in the repository', (dir) => {
    expect(existsSync(path.join(repoRoot, dir)), `${dir} is missing`).toBe(true);
  });

  it.each(folders)('%s copies no run of eight or more words from the sources outside a quotation', (dir) => {
    const root = path.join(repoRoot, dir);
    if (!existsSync(root)) throw new Error(`${dir} is missing, so its text cannot be checked.`);
    const problems = textFilesUnder(root).flatMap((file) =>
      findCopiedRuns(readFileSync(file, 'utf8'), runs, MIN_COPIED_WORDS, titles).map(
        (run) => `${path.relative(repoRoot, file)}:${run.line}: copied from a source without quotation marks: "${run.words.join(' ')}"`,
      ),
    );
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
