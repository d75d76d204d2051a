// Nothing an author or a damaged disk puts in a pack crashes or hangs the loader:
// random bytes and truncated files give diagnostics, never exceptions.

import fc from 'fast-check';
import { expect, test } from 'vitest';
import { loadCourse } from '../../../engine/course/courseLoader';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../../engine/course/diagnostics';
import { fixturePack, readFixtureFiles } from './fixturePack';

const FILES = [...readFixtureFiles('base').keys()].filter((f) => !f.endsWith('.svg'));

function expectWellFormed(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(d.code in DIAGNOSTIC_CODES).toBe(true);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(10);
    // The loader's last-resort catch says this; reaching it would mean a crash was hidden.
    expect(d.message).not.toContain('the course pack could not be read');
  }
}

test('random bytes in any file of a pack give diagnostics, not exceptions', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...FILES), fc.uint8Array({ maxLength: 400 }), async (file, content) => {
      const pack = fixturePack();
      pack.files.set(file, content);
      const result = await loadCourse(pack);
      expectWellFormed(result.diagnostics);
      if (result.diagnostics.some((d) => d.severity === 'error')) expect(result.course).toBeUndefined();
    }),
    { numRuns: 100 },
  );
});

test('a file cut off at any byte gives diagnostics, not exceptions', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...FILES), fc.double({ min: 0, max: 1, noNaN: true }), async (file, fraction) => {
      const pack = fixturePack();
      const whole = pack.files.get(file)!;
      pack.files.set(file, whole.slice(0, Math.floor(whole.length * fraction)));
      const result = await loadCourse(pack);
      expectWellFormed(result.diagnostics);
    }),
    { numRuns: 100 },
  );
});

test('YAML-looking noise in a scenario gives diagnostics, not exceptions', async () => {
  const token = fc.constantFrom('nodes:', '  a:', '    choices:', '      - id: x', '        to: a', '        when: "', 'x > (', '&anchor', '*anchor', '[', '{', '- ', ': ', '\t', '!!binary', '? ', '\n', '"', "'");
  await fc.assert(
    fc.asyncProperty(fc.array(token, { maxLength: 60 }), async (tokens) => {
      const pack = fixturePack();
      pack.files.set('modules/intro/story.scenario.yaml', new TextEncoder().encode(tokens.join('')));
      expectWellFormed((await loadCourse(pack)).diagnostics);
    }),
    { numRuns: 100 },
  );
});

test('a reader that fails still yields a diagnostic rather than a rejected promise', async () => {
  const pack = fixturePack();
  pack.readFile = async () => {
    throw new Error('disk unplugged');
  };
  const result = await loadCourse(pack);
  expect(result.course).toBeUndefined();
  expect(result.diagnostics[0]).toMatchObject({ file: 'course.yaml', code: 'HCS001', message: 'file could not be read: disk unplugged' });
});

// Expanded, this document would hold 9^9 nodes: the test's time-out is the guard.
test('an alias bomb in YAML is refused instead of expanding', { timeout: 10_000 }, async () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
  const pack = fixturePack();
  pack.files.set('course.yaml', new TextEncoder().encode(bomb));
  const result = await loadCourse(pack);
  // The modules are still checked, found by their folders, and a note says so.
  expect(result.diagnostics.map((d) => d.code)).toEqual(['HCS004', 'HCS027']);
  expect(result.diagnostics[1]!.message).toContain('the modules are the folders of the pack that hold a module.yaml (modules/intro, modules/next)');
});
