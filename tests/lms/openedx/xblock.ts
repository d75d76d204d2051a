// A SCORM runtime that behaves as Open edX's SCORM XBlock does (overhangio/
// openedx-scorm-xblock), written from its source:
// - openedxscorm/static/js/src/scorm.js: the API objects, whose Initialize, Commit,
//   Terminate and GetLastError always answer "true" / "0";
// - openedxscorm/static/js/src/scormxblock.js: `initScorm` runs in a jQuery ready
//   callback, so the API can appear after the SCO has started; GetValue answers from
//   `settings.scorm_data`, the values stored when the page was rendered (plus those set
//   since), "" for anything never set (so `cmi.interactions._count` and the learner's
//   id are ""), and "" for the status and score elements it means to fetch from the
//   server (its synchronous ajax call's answer is dropped); SetValue queues each value
//   and posts the queue to `scorm_set_values`;
// - openedxscorm/scormxblock.py, `set_value`: keeps every value in scorm_data, and
//   turns lesson_status / completion_status / success_status / score.raw / score.scaled
//   into the block's completion, success and grade (0 when failed);
// - `update_package_fields`: the block launches the first resource with an href, so a
//   package with one SCO per module plays only its first module, and every SCO would
//   share one scorm_data.

/** Elements whose GetValue goes to the server and comes back "" (scormxblock.js, uncachedValues). */
export const UNCACHED = ['cmi.core.lesson_status', 'cmi.completion_status', 'cmi.success_status', 'cmi.core.score.raw', 'cmi.score.raw', 'cmi.score.scaled', 'cmi.mode'];

/** The block's stored state for one learner (scormxblock.py's user_state fields). */
export class XBlockState {
  scormData: Record<string, string> = {};
  lessonStatus = 'not attempted';
  successStatus = 'unknown';
  lessonScore = 0;
  /** Grades published to the gradebook, latest last. */
  readonly grades: number[] = [];
  /** Values the block refused (a score that is not a non-negative number), as `name=value`. */
  readonly refused: string[] = [];

  constructor(
    readonly hasScore = true,
    readonly weight = 1,
  ) {}

  /** scormxblock.py, set_value. */
  setValue(name: string, value: string): void {
    let completion: string | undefined;
    let success: string | undefined;
    let score: number | undefined;
    const wasCompleted = this.lessonStatus === 'completed';
    this.scormData[name] = value;
    if (name === 'cmi.core.lesson_status') {
      if (value === 'passed' || value === 'failed') {
        success = value;
        if (value === 'passed') completion = 'completed';
      } else if (value === 'completed' || value === 'incomplete') completion = value;
    } else if (name === 'cmi.success_status') success = value;
    else if (name === 'cmi.completion_status') completion = value;
    else if ((name === 'cmi.core.score.raw' || name === 'cmi.score.raw' || name === 'cmi.score.scaled') && this.hasScore) {
      // parse_validate_positive_float answers a bad number with an error, and nothing changes.
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0 || value.trim() === '') {
        this.refused.push(`${name}=${value}`);
        return;
      }
      score = name === 'cmi.score.scaled' ? n : n / 100;
    }
    if (score !== undefined) this.lessonScore = score;
    if (completion) this.lessonStatus = completion;
    if (success) this.successStatus = success;
    if ((success || completion === 'completed' || (wasCompleted && score)) && this.hasScore) this.grades.push(this.grade);
  }

  /** get_grade: nothing for a failed learner. */
  get grade(): number {
    return (this.successStatus === 'failed' ? 0 : this.lessonScore) * this.weight;
  }
}

/** Where SetValue's queue goes: straight into the state in Node, an async POST in the browser. */
export type SetValuesSink = (values: [string, string][]) => void;

/** The API objects of one launch, both standards on the same functions. */
export function xblockApi(standard: 'scorm12' | 'scorm2004', launchData: Readonly<Record<string, string>>, sink: SetValuesSink) {
  const data: Record<string, string> = { ...launchData };
  const getValue = (name: string) => (UNCACHED.includes(name) ? '' : Object.hasOwn(data, name) ? data[name]! : '');
  const setValue = (name: string, value: unknown) => {
    if (!UNCACHED.includes(name)) data[name] = String(value);
    sink([[name, String(value)]]);
    return 'true';
  };
  const yes = () => 'true';
  if (standard === 'scorm12') {
    return {
      LMSInitialize: yes,
      LMSFinish: yes,
      LMSCommit: yes,
      LMSGetLastError: () => '0',
      LMSGetErrorString: () => 'Some Error',
      LMSGetDiagnostic: () => 'Some Diagnostic',
      LMSGetValue: getValue,
      LMSSetValue: setValue,
    };
  }
  return {
    Initialize: yes,
    Terminate: yes,
    Commit: yes,
    GetLastError: () => '0',
    GetErrorString: () => 'Some Error',
    GetDiagnostic: () => 'Some Diagnostic',
    GetValue: getValue,
    SetValue: setValue,
  };
}

/** The file the block launches: the first `<resource>` with an href in the manifest (update_package_fields). */
export function xblockLaunchFile(manifest: string): string | undefined {
  return /<resource\b[^>]*\bhref="([^"]+)"/.exec(manifest)?.[1];
}
