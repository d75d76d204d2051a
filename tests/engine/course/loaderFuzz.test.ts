// A seeded fuzz of the loader: hundreds of mutated packs a run (flipped bytes, NUL and
// other control characters, cut-off files, shuffled lines, YAML and Markdown tokens in
// odd places, nesting thousands deep, hostile media names, scripted SVGs). Every pack
// must give diagnostics, never an exception, a stack overflow, a hang or a warning on
// the console; each diagnostic names a file of the pack and a line that file has; a
// pack with an error never loads; and a NUL anywhere in a course text is an error.
//
// The seed is printed; HCS_FUZZ_SEED=<seed> replays a run exactly, and HCS_FUZZ_RUNS
// sets how many packs (tests/bench/robustness-bench.mjs runs thousands).

import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { loadCourse } from '../../../engine/course/courseLoader';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../../engine/course/diagnostics';
import { countFromEnv, reportLoop, seededRandom, seedFromEnv } from '../../robustnessReport';
import { fixturePack, type MemoryPack } from './fixturePack';

const RUNS = countFromEnv('HCS_FUZZ_RUNS', 600);
const SEED = seedFromEnv();
/** Longest any one pack may take to load; the base pack takes a few milliseconds. */
const SLOW_MS = 3_000;

type Random = () => number;
interface Mutation {
  name: string;
  apply(bytes: Uint8Array, random: Random): Uint8Array;
}

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const pick = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const at = (random: Random, length: number) => Math.floor(random() * (length + 1));
const splice = (bytes: Uint8Array, offset: number, remove: number, insert: Uint8Array) => {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, offset));
  out.set(insert, offset);
  out.set(bytes.subarray(offset + remove), offset + insert.length);
  return out;
};
const lines = (bytes: Uint8Array) => decode(bytes).split('\n');

const TOKENS = [
  '[', ']', '{', '}', ': ', '- ', '&a ', '*a', '!!str ', '!!binary ', '? ', '"', "'", '|', '>-', '#', '---', '...', '```', '```quiz\n', '```reflection\n',
  '![x](', '](', '<', '>', '\t', '\r', '\r\n', 'null', '~', '__proto__: 1\n', 'constructor: 1\n', '[a]: b\n', '? [x]\n: y\n', '\u2028', '\uFEFF', '\u{1F600}',
  '%YAML 1.2\n', '<<: *a\n', '0x1F', '.inf', '-.nan', '1e400', 'yes', 'on', '2026-01-01', '\\', '\\u0000', '&#0;', '%00',
];
const MEDIA_NAMES = [
  'media/CON.svg', 'media/nul.png', 'media/colon:x.svg', 'media/q?.svg', 'media/star*.svg', 'media/end.', 'media/PIC.svg', '../../../../etc/passwd',
  '<media/with space.svg>', 'javascript:alert(1)', '//evil.example/x.svg', 'media/pic.svg#frag', '%2e%2e/%2e%2e/x.svg', 'media/pic.svg?x=1', '/etc/hosts', 'C:\\evil.svg',
];
const SCRIPTED_SVGS = [
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
  '<svg xmlns="http://www.w3.org/2000/svg"><a href=" java&#09;script:x"><rect/></a></svg>',
  '<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
  '<svg xmlns="http://www.w3.org/2000/svg"><svg:script xmlns:svg="http://www.w3.org/2000/svg">x</svg:script></svg>',
];

const MUTATIONS: Mutation[] = [
  { name: 'flip a byte', apply: (b, r) => (b.length === 0 ? b : splice(b, Math.min(at(r, b.length), b.length - 1), 1, new Uint8Array([Math.floor(r() * 256)]))) },
  { name: 'insert NUL', apply: (b, r) => splice(b, at(r, b.length), 0, new Uint8Array([0])) },
  { name: 'insert a control character', apply: (b, r) => splice(b, at(r, b.length), 0, new Uint8Array([pick(r, [1, 7, 8, 11, 12, 14, 27, 31, 127])])) },
  { name: 'cut off', apply: (b, r) => b.slice(0, at(r, b.length)) },
  { name: 'duplicate a line', apply: (b, r) => { const l = lines(b); const i = at(r, l.length - 1); l.splice(i, 0, l[i] ?? ''); return encode(l.join('\n')); } },
  { name: 'delete a line', apply: (b, r) => { const l = lines(b); l.splice(at(r, l.length - 1), 1); return encode(l.join('\n')); } },
  { name: 'swap two lines', apply: (b, r) => { const l = lines(b); const i = at(r, l.length - 1); const j = at(r, l.length - 1); [l[i], l[j]] = [l[j] ?? '', l[i] ?? '']; return encode(l.join('\n')); } },
  { name: 'insert a token', apply: (b, r) => splice(b, at(r, b.length), 0, encode(pick(r, TOKENS))) },
  { name: 'indent a line oddly', apply: (b, r) => { const l = lines(b); const i = at(r, l.length - 1); l[i] = ' '.repeat(Math.floor(r() * 9)) + (l[i] ?? ''); return encode(l.join('\n')); } },
  { name: 'nest flow lists deeply', apply: (b, r) => { const n = 50 + Math.floor(r() * 20_000); return splice(b, at(r, b.length), 0, encode(`${'['.repeat(n)}x${']'.repeat(n)}`)); } },
  { name: 'nest dashes deeply', apply: (b, r) => { const n = 50 + Math.floor(r() * 5_000); return splice(b, at(r, b.length), 0, encode(`\nx:\n  ${'- '.repeat(n)}y\n`)); } },
  { name: 'nest indentation deeply', apply: (b, r) => { const n = 50 + Math.floor(r() * 400); return encode(`${decode(b)}\ndeep:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} v\n`); } },
  { name: 'add an image with a hostile name', apply: (b, r) => encode(`${decode(b)}\n![A picture](${pick(r, MEDIA_NAMES)})\n`) },
  { name: 'a very long line', apply: (b, r) => splice(b, at(r, b.length), 0, encode('w'.repeat(20_000 + Math.floor(r() * 100_000)))) },
  { name: 'invalid UTF-8', apply: (b, r) => splice(b, at(r, b.length), 0, new Uint8Array(pick(r, [[0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]))) },
  { name: 'random bytes', apply: (_b, r) => Uint8Array.from({ length: Math.floor(r() * 300) }, () => Math.floor(r() * 256)) },
];

const TEXT_FILES = [...fixturePack().files.keys()].filter((f) => !f.endsWith('.svg'));
const SVG = 'modules/intro/media/pic.svg';

/** One mutated pack and what was done to it, for the failure message. */
function mutatedPack(random: Random): { pack: MemoryPack; done: string[]; nulOnly?: string } {
  const pack = fixturePack();
  const done: string[] = [];
  if (random() < 0.05) {
    pack.files.set(SVG, encode(pick(random, SCRIPTED_SVGS)));
    done.push(`scripted SVG at ${SVG}`);
  }
  const count = 1 + Math.floor(random() * 3);
  let nulOnly: string | undefined;
  for (let i = 0; i < count; i++) {
    const file = pick(random, TEXT_FILES);
    const mutation = pick(random, MUTATIONS);
    pack.files.set(file, mutation.apply(pack.files.get(file)!, random));
    done.push(`${mutation.name} in ${file}`);
    nulOnly = count === 1 && mutation.name === 'insert NUL' ? file : undefined;
  }
  return { pack, done, nulOnly };
}

/** Why a load result breaks an oracle, or undefined when it keeps them all. */
function fault(pack: MemoryPack, diagnostics: readonly Diagnostic[], loaded: boolean, nulOnly: string | undefined): string | undefined {
  for (const d of diagnostics) {
    if (!(d.code in DIAGNOSTIC_CODES)) return `unknown code ${d.code}`;
    if (/call stack|could not be read: /i.test(d.message)) return `a crash reported as a diagnostic: ${d.message}`;
    if (d.message.length < 10) return `a message too short to help: ${JSON.stringify(d.message)}`;
    const file = pack.files.get(d.file);
    if (!file) return `a diagnostic in ${d.file}, which the pack does not have`;
    const fileLines = decode(file).split('\n');
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > fileLines.length + 1) return `line ${d.line} of ${d.file}, which has ${fileLines.length}`;
    if (!Number.isInteger(d.column) || d.column < 1) return `column ${d.column} in ${d.file}:${d.line}`;
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 && loaded) return 'a pack with errors loaded';
  if (errors.length === 0 && !loaded) return 'a pack without errors did not load';
  if (nulOnly && errors.length === 0) return `a NUL in ${nulOnly} passed validation`;
  return undefined;
}

const warnings: unknown[] = [];
beforeAll(() => {
  vi.spyOn(process, 'emitWarning').mockImplementation((w: unknown) => void warnings.push(w));
});
afterAll(() => {
  vi.restoreAllMocks();
});

test(`${RUNS} mutated packs give diagnostics at real places, never a crash, a hang or a warning`, async () => {
  const random = seededRandom(SEED);
  const failures: string[] = [];
  let slowest = 0;
  for (let run = 0; run < RUNS; run++) {
    const { pack, done, nulOnly } = mutatedPack(random);
    const started = performance.now();
    const warned = warnings.length;
    let problem: string | undefined;
    try {
      const result = await loadCourse(pack);
      problem = fault(pack, result.diagnostics, result.course !== undefined, nulOnly);
    } catch (error) {
      problem = `threw ${String(error)}`;
    }
    const took = performance.now() - started;
    slowest = Math.max(slowest, took);
    if (!problem && took > SLOW_MS) problem = `took ${Math.round(took)} ms`;
    if (!problem && warnings.length > warned) problem = `printed a warning: ${warnings.slice(warned).map(String).join('; ')}`;
    if (problem) failures.push(`pack ${run} (${done.join('; ')}): ${problem}`);
  }
  reportLoop({ loop: 'loader fuzz', seed: SEED, tried: RUNS, failed: failures.length, lost: 0, detail: `slowest pack ${Math.round(slowest)} ms; replay with HCS_FUZZ_SEED=${SEED}` });
  expect(failures, `seed ${SEED}: replay with HCS_FUZZ_SEED=${SEED}`).toEqual([]);
}, 240_000);
