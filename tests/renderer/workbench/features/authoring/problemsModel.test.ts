// The Problems view's list and F8 / Shift+F8: every diagnostic of every open pack, in
// the engine's order, counted, and stepped through from where the author is.

import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../../engine/course/diagnostics';
import { problemCounts, problemLabel, problemList, stepProblem } from '../../../../../renderer/workbench/features/authoring/problemsModel';
import type { AuthorPack } from '../../../../../renderer/workbench/state/authorMachine';

const d = (file: string, line: number, column: number, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({
  severity,
  code: severity === 'error' ? 'HCS017' : 'HCS026',
  file,
  line,
  column,
  message: `at ${line}`,
});
const pack = (diagnostics: Diagnostic[]): AuthorPack => ({ diagnostics, previews: {}, checking: false, again: false, checks: 1 });

const packs = {
  ug: pack([d('a.yaml', 3, 1), d('a.yaml', 9, 5, 'warning'), d('b.md', 2, 1)]),
  pg: pack([d('c.yaml', 1, 1)]),
};

describe('the problems list', () => {
  it('lists every problem of every pack, counting errors and warnings', () => {
    const list = problemList(packs);
    expect(list.map((p) => `${p.courseId}:${p.diagnostic.file}:${p.diagnostic.line}`)).toEqual(['ug:a.yaml:3', 'ug:a.yaml:9', 'ug:b.md:2', 'pg:c.yaml:1']);
    expect(problemCounts(packs)).toEqual({ errors: 3, warnings: 1 });
    expect(new Set(list.map((p) => p.id)).size).toBe(4);
  });

  it('names a problem in one line with its severity, code and file:line:col', () => {
    expect(problemLabel(problemList(packs)[1]!)).toBe('Warning HCS026 at a.yaml:9:5: at 9');
  });

  it('steps to the next and previous problem, wrapping round', () => {
    const list = problemList(packs);
    expect(stepProblem(list, list[0]!.id, 1)).toBe(list[1]);
    expect(stepProblem(list, list[3]!.id, 1)).toBe(list[0]);
    expect(stepProblem(list, list[0]!.id, -1)).toBe(list[3]);
  });

  it('goes from the caret when no problem was gone to yet: the next after it in the file, else the first', () => {
    const list = problemList(packs);
    expect(stepProblem(list, undefined, 1, { courseId: 'ug', file: 'a.yaml', line: 4, column: 1 })).toBe(list[1]);
    expect(stepProblem(list, undefined, -1, { courseId: 'ug', file: 'a.yaml', line: 4, column: 1 })).toBe(list[0]);
    expect(stepProblem(list, undefined, 1, { courseId: 'ug', file: 'a.yaml', line: 20, column: 1 })).toBe(list[0]);
    expect(stepProblem(list, undefined, 1)).toBe(list[0]);
  });

  it('has nothing to go to when there are no problems', () => {
    expect(stepProblem([], undefined, 1)).toBeUndefined();
  });
});
