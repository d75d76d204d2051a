// A SCORM 1.2 runtime that behaves as Moodle's does, written from
// mod/scorm/datamodels/scorm_12.js (SCORMapi1_2): its data model and patterns, its
// SetValue (collections grow one index at a time, stored as `interactions_3`), the
// mastery override in StoreData at LMSFinish (in normal mode with credit, a stored
// mastery score and any score.raw turn the status into passed or failed, whatever the
// SCO said), and CollectData, which posts each element the first time and afterwards
// only when it changed, never the session time (LMSFinish adds total_time instead).
// One rule is stricter than Moodle's: a `choice` or `sequencing` response must be the
// SCORM 1.2 character list (patterns.ts, SCORM12_CHARACTER_LIST), as the specification
// says and stricter players check.

import { CMI_INDEX, SCORM12_CHARACTER_LIST, T12, matches } from './patterns';
import { storeData, type Fields, type Transport } from './transport';

interface Element {
  format?: string;
  mod: 'r' | 'w' | 'rw';
  default?: string;
  range?: [number, number];
  readError?: string;
  writeError: string;
}

/** What the LMS knows at launch (`def`, `cmiobj` and `cmiint` in scorm_12.js.php). */
export interface Launch12 {
  def: Record<string, string>;
  /** Stored objectives and interactions, by element name with plain indices. */
  stored: [string, string][];
}

function dataModel(def: Record<string, string>): Map<string, Element> {
  const d = (name: string) => def[name] ?? '';
  const T = T12;
  const entries: [string, Element][] = [
    ['cmi.core.student_id', { default: d('cmi.core.student_id'), mod: 'r', writeError: '403' }],
    ['cmi.core.student_name', { default: d('cmi.core.student_name'), mod: 'r', writeError: '403' }],
    ['cmi.core.lesson_location', { default: d('cmi.core.lesson_location'), format: T.CMIString256, mod: 'rw', writeError: '405' }],
    ['cmi.core.credit', { default: d('cmi.core.credit'), mod: 'r', writeError: '403' }],
    ['cmi.core.lesson_status', { default: d('cmi.core.lesson_status'), format: T.CMIStatus, mod: 'rw', writeError: '405' }],
    ['cmi.core.entry', { default: d('cmi.core.entry'), mod: 'r', writeError: '403' }],
    ['cmi.core.score.raw', { default: d('cmi.core.score.raw'), format: T.CMIDecimal, range: [0, 100], mod: 'rw', writeError: '405' }],
    ['cmi.core.score.max', { default: d('cmi.core.score.max'), format: T.CMIDecimal, range: [0, 100], mod: 'rw', writeError: '405' }],
    ['cmi.core.score.min', { default: d('cmi.core.score.min'), format: T.CMIDecimal, range: [0, 100], mod: 'rw', writeError: '405' }],
    ['cmi.core.total_time', { default: d('cmi.core.total_time'), mod: 'r', writeError: '403' }],
    ['cmi.core.lesson_mode', { default: d('cmi.core.lesson_mode'), mod: 'r', writeError: '403' }],
    ['cmi.core.exit', { default: d('cmi.core.exit'), format: T.CMIExit, mod: 'w', readError: '404', writeError: '405' }],
    ['cmi.core.session_time', { format: T.CMITimespan, mod: 'w', default: '00:00:00', readError: '404', writeError: '405' }],
    ['cmi.suspend_data', { default: d('cmi.suspend_data'), format: T.CMIString4096, mod: 'rw', writeError: '405' }],
    ['cmi.launch_data', { default: d('cmi.launch_data'), mod: 'r', writeError: '403' }],
    ['cmi.comments', { default: d('cmi.comments'), format: T.CMIString4096, mod: 'rw', writeError: '405' }],
    ['cmi.objectives._count', { mod: 'r', default: '0', writeError: '402' }],
    ['cmi.objectives.n.id', { format: T.CMIIdentifier, mod: 'rw', writeError: '405' }],
    ['cmi.objectives.n.score.raw', { default: '', format: T.CMIDecimal, range: [0, 100], mod: 'rw', writeError: '405' }],
    ['cmi.objectives.n.score.min', { default: '', format: T.CMIDecimal, range: [0, 100], mod: 'rw', writeError: '405' }],
    ['cmi.objectives.n.score.max', { default: '', format: T.CMIDecimal, range: [0, 100], mod: 'rw', writeError: '405' }],
    ['cmi.objectives.n.status', { format: T.CMIStatus2, mod: 'rw', writeError: '405' }],
    ['cmi.student_data.mastery_score', { default: d('cmi.student_data.mastery_score'), mod: 'r', writeError: '403' }],
    ['cmi.interactions._count', { mod: 'r', default: '0', writeError: '402' }],
    ['cmi.interactions.n.id', { format: T.CMIIdentifier, mod: 'w', readError: '404', writeError: '405' }],
    ['cmi.interactions.n.objectives._count', { mod: 'r', default: '0', writeError: '402' }],
    ['cmi.interactions.n.objectives.n.id', { format: T.CMIIdentifier, mod: 'w', readError: '404', writeError: '405' }],
    ['cmi.interactions.n.time', { format: T.CMITime, mod: 'w', readError: '404', writeError: '405' }],
    ['cmi.interactions.n.type', { format: T.CMIType, mod: 'w', readError: '404', writeError: '405' }],
    ['cmi.interactions.n.correct_responses._count', { mod: 'r', default: '0', writeError: '402' }],
    ['cmi.interactions.n.correct_responses.n.pattern', { format: T.CMIString256, mod: 'w', readError: '404', writeError: '405' }],
    ['cmi.interactions.n.weighting', { format: T.CMIDecimal, range: [-100, 100], mod: 'w', readError: '404', writeError: '405' }],
    ['cmi.interactions.n.student_response', { format: T.CMIString256, mod: 'w', readError: '404', writeError: '405' }],
    ['cmi.interactions.n.result', { format: T.CMIResult, mod: 'w', readError: '404', writeError: '405' }],
    ['cmi.interactions.n.latency', { format: T.CMITimespan, mod: 'w', readError: '404', writeError: '405' }],
  ];
  return new Map(entries);
}

type Node = { [key: string]: string | number | Node };

/** The SCORM 1.2 API object, with Moodle's rules. */
export class Moodle12 {
  readonly model: Map<string, Element>;
  /** Moodle keeps collection members beside the collection: cmi.interactions_0, cmi.interactions_0.objectives_1. */
  readonly cmi: Node;
  /** The default CollectData compares against, per element; updated after each post. */
  readonly #posted = new Map<string, string | number>();
  #initialized = false;
  #error = '0';
  /** Interaction types set in this launch, for the SCORM 1.2 response check. */
  readonly #types = new Map<string, string>();

  constructor(
    launch: Launch12,
    private readonly transport: Transport,
  ) {
    this.model = dataModel(launch.def);
    this.cmi = { core: { score: {} }, objectives: {}, student_data: {}, interactions: {} };
    for (const [name, el] of this.model) {
      if (name.includes('.n.')) continue;
      this.#assign(name, el.default ?? '');
    }
    for (const [name, value] of launch.stored) this.#storeDynamic(name, value);
    if (this.cmi['core'] && (this.cmi['core'] as Node)['lesson_status'] === '') (this.cmi['core'] as Node)['lesson_status'] = 'not attempted';
  }

  LMSInitialize(param: string): string {
    this.#error = '0';
    if (param !== '') return this.#fail('201');
    if (this.#initialized) return this.#fail('101');
    this.#initialized = true;
    return 'true';
  }

  LMSFinish(param: string): string {
    this.#error = '0';
    if (param !== '') return this.#fail('201');
    if (!this.#initialized) return this.#fail('301');
    this.#initialized = false;
    const result = this.#storeData(true);
    this.#error = result === 'true' ? '0' : '101';
    return result === 'true' ? 'true' : 'false';
  }

  LMSCommit(param: string): string {
    this.#error = '0';
    if (param !== '') return this.#fail('201');
    if (!this.#initialized) return this.#fail('301');
    const result = this.#storeData(false);
    this.#error = result === 'true' ? '0' : '101';
    return result === 'true' ? 'true' : 'false';
  }

  LMSGetLastError(): string {
    return this.#error;
  }

  LMSGetErrorString(code: string): string {
    return ERRORS[String(code)] ?? '';
  }

  LMSGetDiagnostic(code: string): string {
    return String(code || this.#error);
  }

  LMSGetValue(element: string): string {
    this.#error = '0';
    if (!this.#initialized) return this.#fail('301', '');
    if (element === '') return this.#fail('201', '');
    const model = element.replace(CMI_INDEX, '.n.');
    const el = this.model.get(model);
    if (!el) return this.#fail(model.endsWith('._children') ? '202' : model.endsWith('._count') ? '203' : '201', '');
    if (el.mod === 'w') return this.#fail(el.readError ?? '404', '');
    const value = this.#read(element.replace(CMI_INDEX, '_$1.'));
    return value === undefined || typeof value === 'object' ? '' : String(value);
  }

  LMSSetValue(element: string, raw: unknown): string {
    this.#error = '0';
    if (!this.#initialized) return this.#fail('301');
    if (element === '') return this.#fail('201');
    const model = element.replace(CMI_INDEX, '.n.');
    const el = this.model.get(model);
    if (!el) return this.#fail('201');
    if (el.mod === 'r') return this.#fail(el.writeError);
    let value: string | number = `${String(raw)}`;
    if (!matches(el.format ?? '', value)) return this.#fail(el.writeError);
    const problem = this.#specResponse(element, model, value);
    if (problem) return this.#fail(problem);
    let target = element;
    if (element !== model) {
      const placed = this.#place(element);
      if (typeof placed !== 'string' || placed.startsWith('!')) return this.#fail(typeof placed === 'string' ? placed.slice(1) : '201');
      target = placed;
    }
    if (el.range) {
      const n = Number(value);
      if (!(n >= el.range[0] && n <= el.range[1])) return this.#fail(el.writeError);
      value = n;
    }
    if (model === 'cmi.interactions.n.type') this.#types.set(target.replace(/\.type$/, ''), String(value));
    this.#assign(target, value);
    return 'true';
  }

  /** The SCORM 1.2 specification's form of a choice or sequencing response (not checked by Moodle itself). */
  #specResponse(element: string, model: string, value: string): string | undefined {
    if (model !== 'cmi.interactions.n.student_response' && model !== 'cmi.interactions.n.correct_responses.n.pattern') return undefined;
    const interaction = element.replace(CMI_INDEX, '_$1.').split('.').slice(0, 2).join('.');
    const type = this.#types.get(interaction);
    if ((type === 'choice' || type === 'sequencing') && !matches(SCORM12_CHARACTER_LIST, value)) return '405';
    return undefined;
  }

  /** SetValue's walk through an indexed element: grows each collection by one at most. */
  #place(element: string): string {
    const parts = element.split('.');
    let sub = 'cmi';
    for (let i = 1; i < parts.length - 1; i++) {
      const part = parts[i]!;
      const next = parts[i + 1]!;
      if (/^\d+$/.test(next)) {
        const collection = this.#ensure(`${sub}.${part}`);
        const count = Number(collection['_count'] ?? 0);
        collection['_count'] = count;
        if (Number(next) === count) collection['_count'] = count + 1;
        if (Number(next) > count) return '!201';
        sub = `${sub}.${part}_${next}`;
        const created = this.#read(sub) === undefined;
        const member = this.#ensure(sub);
        if (created && sub.startsWith('cmi.objectives')) member['score'] = { raw: '', min: '', max: '' };
        if (created && sub.startsWith('cmi.interactions')) {
          member['objectives'] = { _count: 0 };
          member['correct_responses'] = { _count: 0 };
        }
        i++;
      } else {
        sub = `${sub}.${part}`;
        this.#ensure(sub);
      }
    }
    return `${sub}.${parts.at(-1)}`;
  }

  /** cmiobj / cmiint at launch: stored members in Moodle's `_n` form. */
  #storeDynamic(name: string, value: string): void {
    const target = this.#place(name);
    if (!target.startsWith('!')) this.#assign(target, value);
  }

  /** StoreData: at LMSFinish the status Moodle decides, then CollectData and total_time. */
  #storeData(finishing: boolean): string {
    const core = this.cmi['core'] as Node;
    if (finishing) {
      if (core['lesson_status'] === 'not attempted') core['lesson_status'] = 'completed';
      const score = (core['score'] as Node)['raw'];
      const mastery = (this.cmi['student_data'] as Node)['mastery_score'];
      if (core['lesson_mode'] === 'normal' && core['credit'] === 'credit' && mastery !== '' && score !== '' && score !== undefined) {
        core['lesson_status'] = Number(score) >= Number(mastery) ? 'passed' : 'failed';
      }
    }
    const fields: Fields = [];
    this.#collect(this.cmi, 'cmi', fields);
    if (finishing) fields.push(['cmi__core__total_time', addTime12(String(core['total_time'] || '00:00:00'), String(core['session_time'] || '00:00:00'))]);
    const { result, code } = storeData(this.transport, finishing ? 'finish' : 'commit', fields);
    this.#error = code;
    return result;
  }

  /** CollectData: each element once, then only when changed; never the session time. */
  #collect(node: Node, parent: string, out: Fields): void {
    for (const key of Object.keys(node)) {
      const value = node[key]!;
      const element = `${parent}.${key}`;
      if (typeof value === 'object') {
        this.#collect(value, element, out);
        continue;
      }
      if (element === 'cmi.core.session_time') continue;
      const model = element.replace(CMI_INDEX, '.n.');
      const el = this.model.get(this.model.has(element) ? element : model);
      if (!el || el.mod === 'r') continue;
      const last = this.#posted.has(element) ? this.#posted.get(element) : el.default;
      if (last !== undefined && last === value) continue;
      this.#posted.set(element, value);
      out.push([element.replace(/\./g, '__'), String(value)]);
    }
  }

  #ensure(path: string): Node {
    let node = this.cmi;
    for (const part of path.split('.').slice(1)) {
      if (typeof node[part] !== 'object') node[part] = {};
      node = node[part] as Node;
    }
    return node;
  }

  #read(path: string): string | number | Node | undefined {
    let node: string | number | Node | undefined = this.cmi;
    for (const part of path.split('.').slice(1)) {
      if (typeof node !== 'object') return undefined;
      node = Object.hasOwn(node, part) ? node[part] : undefined;
    }
    return node;
  }

  #assign(path: string, value: string | number): void {
    const parts = path.split('.');
    const node = this.#ensure(parts.slice(0, -1).join('.'));
    node[parts.at(-1)!] = value;
  }

  #fail<T = string>(code: string, result: T = 'false' as T): T {
    this.#error = code;
    return result;
  }
}

/** AddTime of two SCORM 1.2 timespans (HHHH:MM:SS.SS), as LMSFinish totals the time. */
export function addTime12(first: string, second: string): string {
  const seconds = (t: string) => {
    const [h, m, s] = t.split(':');
    return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
  };
  const total = seconds(first) + seconds(second);
  const pad = (n: number) => String(n).padStart(2, '0');
  const cents = Math.round((total % 1) * 100);
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(Math.floor(total % 60))}${cents ? `.${pad(cents)}` : ''}`;
}

const ERRORS: Record<string, string> = {
  '0': 'No error',
  '101': 'General exception',
  '201': 'Invalid argument error',
  '202': 'Element cannot have children',
  '203': 'Element not an array - cannot have count',
  '301': 'Not initialized',
  '401': 'Not implemented error',
  '402': 'Invalid set value, element is a keyword',
  '403': 'Element is read only',
  '404': 'Element is write only',
  '405': 'Incorrect data type',
};
