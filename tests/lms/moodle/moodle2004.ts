// A SCORM 2004 runtime that behaves as Moodle's does, written from
// mod/scorm/datamodels/scorm_13.js (SCORMapi1_3): the same data model with the same
// defaults and write rules, SetValue's checks and error codes (dependencies such as
// "the id before anything else of an interaction", write-once objective ids, the
// learner_response and correct_responses formats by interaction type), and StoreData
// with CollectData, which posts every element that has no default value (every field
// of every interaction, every objective id and description) on every commit, and the
// rest only when it differs from its value at launch. The post goes to a Transport
// (transport.ts), as DoRequest would send it.

import { CMI_INDEX, CORRECT_RESPONSES, LEARNER_RESPONSE, T2004, matches, type ResponseRule } from './patterns';
import { storeData, type Fields, type Transport } from './transport';

type Mod = 'r' | 'w' | 'rw';
interface Element {
  format?: string;
  mod: Mod;
  /** Moodle's `defaultvalue`: absent for elements that are posted every time. */
  default?: string | null;
  range?: [number, number | '*'];
}

/** What the LMS knows at launch, from its stored tracks (see launchData.ts). */
export interface Launch2004 {
  /** Top-level defaults (`def` in scorm_13.js.php): cmi.completion_status, cmi.suspend_data, ... */
  def: Record<string, string>;
  /** Stored objectives and interactions, by element name with plain indices (cmi.objectives.0.id). */
  stored: [string, string][];
}

/** The data model in scorm_13.js's order, with each top-level default taken from `def`. */
function dataModel(def: Record<string, string>): Map<string, Element> {
  const d = (name: string) => def[name] ?? '';
  const T = T2004;
  const entries: [string, Element][] = [
    ['cmi._children', { mod: 'r', default: 'children' }],
    ['cmi._version', { mod: 'r', default: '1.0' }],
    ['cmi.comments_from_learner._children', { mod: 'r', default: 'comment,timestamp,location' }],
    ['cmi.comments_from_learner._count', { mod: 'r', default: '0' }],
    ['cmi.comments_from_learner.n.comment', { format: T.CMILangString4000, mod: 'rw' }],
    ['cmi.comments_from_learner.n.location', { format: T.CMIString250, mod: 'rw' }],
    ['cmi.comments_from_learner.n.timestamp', { format: T.CMITime, mod: 'rw' }],
    ['cmi.comments_from_lms._children', { mod: 'r', default: 'comment,timestamp,location' }],
    ['cmi.comments_from_lms._count', { mod: 'r', default: '0' }],
    ['cmi.completion_status', { default: d('cmi.completion_status'), format: T.CMICStatus, mod: 'rw' }],
    ['cmi.completion_threshold', { default: d('cmi.completion_threshold'), mod: 'r' }],
    ['cmi.credit', { default: d('cmi.credit'), mod: 'r' }],
    ['cmi.entry', { default: d('cmi.entry'), mod: 'r' }],
    ['cmi.exit', { default: d('cmi.exit'), format: T.CMIExit, mod: 'w' }],
    ['cmi.interactions._children', { mod: 'r', default: 'id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description' }],
    ['cmi.interactions._count', { mod: 'r', default: '0' }],
    ['cmi.interactions.n.id', { format: T.CMILongIdentifier, mod: 'rw' }],
    ['cmi.interactions.n.type', { format: T.CMIType, mod: 'rw' }],
    ['cmi.interactions.n.objectives._count', { mod: 'r', default: '0' }],
    ['cmi.interactions.n.objectives.n.id', { format: T.CMILongIdentifier, mod: 'rw' }],
    ['cmi.interactions.n.timestamp', { format: T.CMITime, mod: 'rw' }],
    ['cmi.interactions.n.correct_responses._count', { mod: 'r', default: '0' }],
    ['cmi.interactions.n.correct_responses.n.pattern', { format: 'CMIFeedback', mod: 'rw' }],
    ['cmi.interactions.n.weighting', { format: T.CMIDecimal, mod: 'rw' }],
    ['cmi.interactions.n.learner_response', { format: 'CMIFeedback', mod: 'rw' }],
    ['cmi.interactions.n.result', { format: T.CMIResult, mod: 'rw' }],
    ['cmi.interactions.n.latency', { format: T.CMITimespan, mod: 'rw' }],
    ['cmi.interactions.n.description', { format: T.CMILangString250, mod: 'rw' }],
    ['cmi.launch_data', { default: d('cmi.launch_data'), mod: 'r' }],
    ['cmi.learner_id', { default: d('cmi.learner_id'), mod: 'r' }],
    ['cmi.learner_name', { default: d('cmi.learner_name'), mod: 'r' }],
    ['cmi.learner_preference._children', { mod: 'r', default: 'audio_level,audio_captioning,delivery_speed,language' }],
    ['cmi.learner_preference.audio_level', { default: d('cmi.learner_preference.audio_level'), format: T.CMIDecimal, range: [0, '*'], mod: 'rw' }],
    ['cmi.learner_preference.language', { default: d('cmi.learner_preference.language'), format: T.CMILang, mod: 'rw' }],
    ['cmi.learner_preference.delivery_speed', { default: d('cmi.learner_preference.delivery_speed'), format: T.CMIDecimal, range: [0, '*'], mod: 'rw' }],
    ['cmi.learner_preference.audio_captioning', { default: d('cmi.learner_preference.audio_captioning'), format: T.CMISInteger, range: [-1, 1], mod: 'rw' }],
    ['cmi.location', { default: d('cmi.location'), format: T.CMIString1000, mod: 'rw' }],
    ['cmi.max_time_allowed', { default: d('cmi.max_time_allowed'), mod: 'r' }],
    ['cmi.mode', { default: d('cmi.mode'), mod: 'r' }],
    ['cmi.objectives._children', { mod: 'r', default: 'progress_measure,completion_status,success_status,description,score,id' }],
    ['cmi.objectives._count', { mod: 'r', default: '0' }],
    ['cmi.objectives.n.id', { format: T.CMILongIdentifier, mod: 'rw' }],
    ['cmi.objectives.n.score._children', { mod: 'r', default: 'max,raw,scaled,min' }],
    ['cmi.objectives.n.score.scaled', { default: null, format: T.CMIDecimal, range: [-1, 1], mod: 'rw' }],
    ['cmi.objectives.n.score.raw', { default: null, format: T.CMIDecimal, mod: 'rw' }],
    ['cmi.objectives.n.score.min', { default: null, format: T.CMIDecimal, mod: 'rw' }],
    ['cmi.objectives.n.score.max', { default: null, format: T.CMIDecimal, mod: 'rw' }],
    ['cmi.objectives.n.success_status', { default: 'unknown', format: T.CMISStatus, mod: 'rw' }],
    ['cmi.objectives.n.completion_status', { default: 'unknown', format: T.CMICStatus, mod: 'rw' }],
    ['cmi.objectives.n.progress_measure', { default: null, format: T.CMIDecimal, range: [0, 1], mod: 'rw' }],
    ['cmi.objectives.n.description', { format: T.CMILangString250, mod: 'rw' }],
    ['cmi.progress_measure', { default: d('cmi.progress_measure'), format: T.CMIDecimal, range: [0, 1], mod: 'rw' }],
    ['cmi.scaled_passing_score', { default: d('cmi.scaled_passing_score'), format: T.CMIDecimal, range: [-1, 1], mod: 'r' }],
    ['cmi.score._children', { mod: 'r', default: 'max,raw,scaled,min' }],
    ['cmi.score.scaled', { default: d('cmi.score.scaled'), format: T.CMIDecimal, range: [-1, 1], mod: 'rw' }],
    ['cmi.score.raw', { default: d('cmi.score.raw'), format: T.CMIDecimal, mod: 'rw' }],
    ['cmi.score.min', { default: d('cmi.score.min'), format: T.CMIDecimal, mod: 'rw' }],
    ['cmi.score.max', { default: d('cmi.score.max'), format: T.CMIDecimal, mod: 'rw' }],
    ['cmi.session_time', { format: T.CMITimespan, mod: 'w', default: 'PT0H0M0S' }],
    ['cmi.success_status', { default: d('cmi.success_status'), format: T.CMISStatus, mod: 'rw' }],
    ['cmi.suspend_data', { default: d('cmi.suspend_data'), format: T.CMIString64000, mod: 'rw' }],
    ['cmi.time_limit_action', { default: d('cmi.time_limit_action'), mod: 'r' }],
    ['cmi.total_time', { default: d('cmi.total_time'), mod: 'r' }],
  ];
  return new Map(entries);
}

type Node = { [key: string]: Value };
type Value = string | number | null | Node;

/** Moodle's underscore(): `.N3.` loses its N, then dots become `__`. */
export function underscore(element: string): string {
  return element.replace(/.N/g, '.').replace(/\./g, '__');
}

/** The SCORM 2004 API object, with Moodle's rules. */
export class Moodle2004 {
  readonly model: Map<string, Element>;
  readonly cmi: Node;
  #initialized = false;
  #terminated = false;
  #error = '0';

  constructor(
    launch: Launch2004,
    private readonly transport: Transport,
  ) {
    this.model = dataModel(launch.def);
    // initdatamodel: these objects first, then every top-level element in data model order.
    this.cmi = {
      comments_from_learner: { _count: 0 },
      comments_from_lms: { _count: 0 },
      interactions: { _count: 0 },
      learner_preference: {},
      objectives: { _count: 0 },
      score: {},
    };
    for (const [name, el] of this.model) {
      if (name.includes('.n.')) continue;
      this.#assign(name.split('.').slice(1), el.default === undefined ? '' : el.default);
    }
    // cmiobj and cmiint: what the LMS stored, restored as the player's own objects.
    for (const [name, value] of launch.stored) this.#restore(name, value);
    if (this.cmi['completion_status'] === '') this.cmi['completion_status'] = 'not attempted';
  }

  Initialize(param: string): string {
    this.#error = '0';
    if (param !== '') return this.#fail('201');
    if (this.#initialized) return this.#fail('103');
    if (this.#terminated) return this.#fail('104');
    this.#initialized = true;
    return 'true';
  }

  Terminate(param: string): string {
    this.#error = '0';
    if (param !== '') return this.#fail('201');
    if (!this.#initialized || this.#terminated) return this.#fail(this.#terminated ? '113' : '112');
    const result = this.#storeData(true);
    if (result !== 'true') return this.#fail('101');
    this.#initialized = false;
    this.#terminated = true;
    return 'true';
  }

  Commit(param: string): string {
    this.#error = '0';
    if (param !== '') return this.#fail('201');
    if (!this.#initialized || this.#terminated) return this.#fail(this.#terminated ? '143' : '142');
    return this.#storeData(false) === 'true' ? 'true' : this.#fail('101');
  }

  GetLastError(): string {
    return this.#error;
  }

  GetErrorString(code: string): string {
    return ERRORS[String(code)] ?? '';
  }

  GetDiagnostic(code: string): string {
    return String(code);
  }

  GetValue(element: string): string {
    this.#error = '0';
    if (!this.#initialized || this.#terminated) return this.#fail(this.#terminated ? '123' : '122', '');
    if (element === '') return this.#fail('301', '');
    const model = element.replace(CMI_INDEX, '.n.');
    const el = this.model.get(model);
    if (!el) return this.#fail(model.endsWith('._children') || model.endsWith('._count') ? '301' : '401', '');
    if (el.mod === 'w') return this.#fail('405', '');
    const value = this.#read(stored(element));
    if (value === undefined) return this.#fail('301', '');
    if (value === null) return this.#fail('403', '');
    return typeof value === 'object' ? '' : String(value);
  }

  SetValue(element: string, raw: unknown): string {
    this.#error = '0';
    if (!this.#initialized || this.#terminated) return this.#fail(this.#terminated ? '133' : '132');
    if (element === '') return this.#fail('351');
    const model = element.replace(CMI_INDEX, '.n.');
    const el = this.model.get(model);
    if (!el) return this.#fail('401');
    if (el.mod === 'r') return this.#fail('404');
    let value: string | number = `${String(raw)}`;
    const format = el.format === 'CMIFeedback' ? T2004.CMIFeedback : el.format ?? '';
    if (!matches(format, value)) return this.#fail('406');
    if (element !== model) {
      const problem = this.#dynamic(element, model, value);
      if (problem) return this.#fail(problem);
    }
    if (el.range) {
      const n = Number(value);
      if (!(n >= el.range[0]) || (el.range[1] !== '*' && n > el.range[1])) return this.#fail('407');
      value = n;
    }
    this.#assign(stored(element).split('.').slice(1), value);
    return 'true';
  }

  /** SetValue's checks for elements inside collections; an error code, or undefined when it may be stored. */
  #dynamic(element: string, model: string, value: string): string | undefined {
    const parts = element.split('.');
    let sub = 'cmi';
    let parent = 'cmi';
    for (let i = 1; i < parts.length - 1; i++) {
      const part = parts[i]!;
      const next = parts[i + 1]!;
      if (/^\d+$/.test(next)) {
        if (Number(next) > 0 && next.startsWith('0')) return '351';
        parent = `${sub}.${part}`;
        const collection = this.#read(parent);
        if (!isNode(collection) || collection['_count'] === undefined) return '408';
        if (Number(next) > Number(collection['_count'])) return '351';
        sub = `${sub}.${part}.N${next}`;
        i++;
        if (this.#read(sub) === undefined && i < parts.length - 2) return '408';
      } else sub = `${sub}.${part}`;
    }
    const index = Number(parts[parts.length - 2]);
    const collection = this.#read(parent) as Node | undefined;
    const count = Number(collection?.['_count'] ?? 0);
    if (this.#read(sub) === undefined) {
      switch (model) {
        case 'cmi.objectives.n.id':
          if (this.#duplicateId(parent, `${sub}.id`, value)) return '351';
          if (index === count) this.#create(parent, sub, { success_status: 'unknown', completion_status: 'unknown', progress_measure: null, score: { _children: 'max,raw,scaled,min', scaled: null, raw: null, min: null, max: null } });
          return undefined;
        case 'cmi.interactions.n.id':
          if (index === count) this.#create(parent, sub, { objectives: { _count: 0 } });
          return undefined;
        case 'cmi.interactions.n.objectives.n.id':
          if (collection === undefined) return '408';
          if (this.#duplicateId(parent, `${sub}.id`, value)) return '351';
          if (index === count) this.#create(parent, sub, {});
          return undefined;
        case 'cmi.interactions.n.correct_responses.n.pattern': {
          if (collection === undefined) return '408';
          if (index !== count) return '351';
          const type = String(this.#read(parent.replace(/correct_responses$/, 'type')) ?? '');
          const rule = CORRECT_RESPONSES[type];
          if (!rule) return '408';
          if (type === 'choice' && this.#patterns(parent).includes(value)) return '351';
          if (rule.limit !== undefined && count >= rule.limit) return '351';
          const problem = checkNodes(rule, value, true);
          if (problem) return problem;
          this.#create(parent, sub, {});
          return undefined;
        }
        default:
          if (parent !== 'cmi.objectives' && parent !== 'cmi.interactions' && collection !== undefined) {
            if (index !== count) return '351';
            this.#create(parent, sub, {});
            return undefined;
          }
          return '408';
      }
    }
    switch (model) {
      case 'cmi.objectives.n.id':
        return String(this.#read(`${sub}.id`)) !== value ? '351' : undefined;
      case 'cmi.interactions.n.objectives.n.id':
        return this.#duplicateId(parent, `${sub}.id`, value) ? '351' : undefined;
      case 'cmi.interactions.n.type': {
        const interaction = this.#read(sub) as Node;
        interaction['correct_responses'] = { _count: 0 };
        return undefined;
      }
      case 'cmi.interactions.n.learner_response': {
        const type = this.#read(`${sub}.type`);
        if (type === undefined) return '408';
        const rule = LEARNER_RESPONSE[String(type)];
        return rule ? checkNodes(rule, value, false) : '408';
      }
      case 'cmi.interactions.n.correct_responses.n.pattern': {
        const interaction = parent.replace(/\.correct_responses$/, '');
        const type = this.#read(`${interaction}.type`);
        if (type === undefined) return '408';
        if (type === 'choice' && this.#patterns(parent).includes(value)) return '351';
        return checkNodes(CORRECT_RESPONSES[String(type)]!, value, true);
      }
      default:
        return undefined;
    }
  }

  #patterns(parent: string): string[] {
    const collection = this.#read(parent) as Node;
    const out: string[] = [];
    for (let i = 0; i < Number(collection['_count']); i++) out.push(String((this.#read(`${parent}.N${i}`) as Node)?.['pattern']));
    return out;
  }

  /** duplicatedID: another member of the collection already has this id. */
  #duplicateId(parent: string, self: string, value: string): boolean {
    const collection = this.#read(parent) as Node | undefined;
    for (let n = 0; n < Number(collection?.['_count'] ?? 0); n++) {
      if (`${parent}.N${n}.id` !== self && this.#read(`${parent}.N${n}.id`) === value) return true;
    }
    return false;
  }

  #create(parent: string, sub: string, members: Node): void {
    const collection = this.#read(parent) as Node;
    collection['_count'] = Number(collection['_count']) + 1;
    collection[sub.split('.').at(-1)!] = members;
  }

  /** StoreData: the verdicts Terminate may set, then CollectData, posted as DoRequest would. */
  #storeData(terminating: boolean): string {
    const fields: Fields = [];
    if (terminating) {
      // Moodle reads `cmi.scaled_passed_score` here, an element that does not exist, so
      // it never sets success itself; completion follows progress against a threshold.
      const threshold = this.cmi['completion_threshold'];
      const progress = this.cmi['progress_measure'];
      if (this.cmi['mode'] === 'normal' && this.cmi['credit'] === 'credit' && threshold && progress) {
        this.cmi['completion_status'] = Number(progress) >= Number(threshold) ? 'completed' : 'incomplete';
      }
      fields.push([underscore('cmi.total_time'), addTime(String(this.cmi['total_time'] || 'PT0H0M0S'), String(this.cmi['session_time'] || 'PT0H0M0S'))]);
    }
    this.#collect(this.cmi, 'cmi', fields);
    const { result, code } = storeData(this.transport, terminating ? 'finish' : 'commit', fields);
    this.#error = code;
    return result;
  }

  /** CollectData: every writable element, unless it has a default and still holds it. */
  #collect(node: Node, parent: string, out: Fields): void {
    for (const key of Object.keys(node)) {
      const value = node[key]!;
      const element = `${parent}.${key}`;
      if (value === null) continue;
      if (typeof value === 'object') {
        this.#collect(value, element, out);
        continue;
      }
      const model = element.replace(/\.N(\d+)\./g, '.n.');
      const el = this.model.get(model);
      if (!el || el.mod === 'r') continue;
      if (el.default !== undefined && el.default === value) continue;
      out.push([underscore(element), String(value)]);
    }
  }

  #read(path: string): Value | undefined {
    let node: Value | undefined = this.cmi;
    for (const part of path.split('.').slice(1)) {
      if (!isNode(node)) return undefined;
      node = Object.hasOwn(node, part) ? node[part] : undefined;
    }
    return node;
  }

  #assign(parts: string[], value: Value): void {
    let node = this.cmi;
    for (const part of parts.slice(0, -1)) {
      if (!isNode(node[part])) node[part] = {};
      node = node[part] as Node;
    }
    node[parts.at(-1)!] = value;
  }

  /**
   * cmiobj / cmiint: stored collection members rebuilt as scorm_reconstitute_array_element
   * (mod/scorm/locallib.php) writes them: each member a new object with its children
   * (an objective's score; an interaction's objectives and correct_responses), then the
   * stored values, with each collection's count.
   */
  #restore(name: string, value: string): void {
    const parts = name.split('.');
    let node = this.cmi;
    for (let i = 1; i < parts.length - 1; i++) {
      const part = parts[i]!;
      if (/^\d+$/.test(part)) {
        const key = `N${part}`;
        node['_count'] = Math.max(Number(node['_count'] ?? 0), Number(part) + 1);
        if (!isNode(node[key])) {
          node[key] =
            i === 2 && parts[1] === 'objectives'
              ? { score: { _children: 'max,raw,scaled,min' } }
              : i === 2 && parts[1] === 'interactions'
                ? { objectives: { _children: 'id' }, correct_responses: { _children: 'pattern' } }
                : {};
        }
        node = node[key] as Node;
      } else {
        if (!isNode(node[part])) node[part] = {};
        node = node[part] as Node;
      }
    }
    node[parts.at(-1)!] = value;
  }

  #fail<T = string>(code: string, result: T = 'false' as T): T {
    this.#error = code;
    return result;
  }
}

/** The element name with each index written Moodle's way, N3. */
function stored(element: string): string {
  return element.replace(/\.(\d+)\./g, '.N$1.').replace(/\.(\d+)\./g, '.N$1.');
}

function isNode(v: Value | undefined): v is Node {
  return typeof v === 'object' && v !== null;
}

/** Splits and checks a response the way SetValue and CRcheckValueNodes do. */
function checkNodes(rule: ResponseRule, value: string, correct: boolean): string | undefined {
  const nodes = rule.delimiter ? value.split(rule.delimiter) : [value];
  if (nodes.length > rule.max) return '351';
  for (let i = 0; i < nodes.length; i++) {
    let node = nodes[i]!;
    if (correct && rule.pre) {
      const m = node.match(rule.pre);
      if (m?.[1]) node = node.slice(m[1].length);
    }
    if (rule.delimiter2) {
      const pair = node.split(rule.delimiter2);
      if (pair.length !== 2 || !new RegExp(rule.format).test(pair[0]!) || !new RegExp(rule.format2!).test(pair[1]!)) return '406';
      continue;
    }
    if (node.match(new RegExp(rule.format)) === null && (!correct || value !== '')) return '406';
    if (node !== '' && rule.unique && nodes.slice(0, i).includes(node)) return '406';
  }
  return undefined;
}

/** AddTime of two ISO 8601 durations, as Moodle adds session time to total time. */
export function addTime(first: string, second: string): string {
  const seconds = (d: string) => {
    const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$/.exec(d);
    if (!m) return 0;
    return Number(m[3] ?? 0) * 86400 + Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  };
  const total = seconds(first) + seconds(second);
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = Math.round((total % 60) * 100) / 100;
  return `PT${h ? `${h}H` : ''}${min ? `${min}M` : ''}${s || (!h && !min) ? `${s}S` : ''}`;
}

const ERRORS: Record<string, string> = {
  '0': 'No error',
  '101': 'General exception',
  '103': 'Already Initialized',
  '104': 'Content Instance Terminated',
  '112': 'Termination Before Inizialization',
  '113': 'Termination After Termination',
  '122': 'Retrieve Data Before Initialization',
  '123': 'Retrieve Data After Termination',
  '132': 'Store Data Before Inizialization',
  '133': 'Store Data After Termination',
  '142': 'Commit Before Inizialization',
  '143': 'Commit After Termination',
  '201': 'General Argument Error',
  '301': 'General Get Failure',
  '351': 'General Set Failure',
  '401': 'Undefinited Data Model',
  '403': 'Data Model Element Value Not Initialized',
  '404': 'Data Model Element Is Read Only',
  '405': 'Data Model Element Is Write Only',
  '406': 'Data Model Element Type Mismatch',
  '407': 'Data Model Element Value Out Of Range',
  '408': 'Data Model Dependency Not Established',
};
