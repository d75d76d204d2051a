// The value patterns of Moodle's SCORM players, restated from its source so the test
// runtimes check what Moodle checks. SCORM 2004: mod/scorm/datamodels/scorm_13.js,
// SCORMapi1_3 (its "Standard Data Type Definition" and the learner_response and
// correct_responses tables). SCORM 1.2: mod/scorm/datamodels/scorm_12.js, SCORMapi1_2,
// with CMIString256 and CMIString4096 as scorm_12.js.php passes them in.

/** SCORM 2004 data types (scorm_13.js). */
export const T2004 = {
  CMIString250: '^[\\u0000-\\uFFFF]{0,250}$',
  CMIString1000: '^[\\u0000-\\uFFFF]{0,1000}$',
  CMIString4000: '^[\\u0000-\\uFFFF]{0,4000}$',
  CMIString64000: '^[\\u0000-\\uFFFF]{0,64000}$',
  CMILang: '^([a-zA-Z]{2,3}|i|x)(\\-[a-zA-Z0-9\\-]{2,8})?$|^$',
  CMILangString250: '^(\\{lang=([a-zA-Z]{2,3}|i|x)(\\-[a-zA-Z0-9\\-]{2,8})?\\})?([^\\{].{0,250}$)?',
  CMILangString250cr: '^((\\{lang=([a-zA-Z]{2,3}|i|x)?(\\-[a-zA-Z0-9\\-]{2,8})?\\})?(.{0,250})?)?$',
  CMILangString4000: '^(\\{lang=([a-zA-Z]{2,3}|i|x)(\\-[a-zA-Z0-9\\-]{2,8})?\\})?([^\\{].{0,4000}$)?',
  CMITime:
    '^(19[7-9]{1}[0-9]{1}|20[0-2]{1}[0-9]{1}|203[0-8]{1})((-(0[1-9]{1}|1[0-2]{1}))((-(0[1-9]{1}|[1-2]{1}[0-9]{1}|3[0-1]{1}))(T([0-1]{1}[0-9]{1}|2[0-3]{1})((:[0-5]{1}[0-9]{1})((:[0-5]{1}[0-9]{1})((\\.[0-9]{1,2})((Z|([+|-]([0-1]{1}[0-9]{1}|2[0-3]{1})))(:[0-5]{1}[0-9]{1})?)?)?)?)?)?)?)?$',
  CMITimespan: '^P(\\d+Y)?(\\d+M)?(\\d+D)?(T(((\\d+H)(\\d+M)?(\\d+(\\.\\d{1,2})?S)?)|((\\d+M)(\\d+(\\.\\d{1,2})?S)?)|((\\d+(\\.\\d{1,2})?S))))?$',
  CMISInteger: '^-?([0-9]+)$',
  CMIDecimal: '^-?([0-9]{1,5})(\\.[0-9]{1,18})?$',
  CMIShortIdentifier: '^[\\w\\.]{1,250}$',
  CMILongIdentifier: '^(?:(?!urn:)\\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\\S{1,4000})$',
  CMIFeedback: '^.*$',
  CMICStatus: '^completed$|^incomplete$|^not attempted$|^unknown$',
  CMISStatus: '^passed$|^failed$|^unknown$',
  CMIExit: '^time-out$|^suspend$|^logout$|^normal$|^$',
  CMIType: '^true-false$|^choice$|^(long-)?fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$|^other$',
  CMIResult: '^correct$|^incorrect$|^unanticipated$|^neutral$|^-?([0-9]{1,4})(\\.[0-9]{1,18})?$',
  NAVEvent: '^previous$|^continue$|^exit$|^exitAll$|^abandon$|^abandonAll$|^suspendAll$|^\\{target=\\S{0,200}[a-zA-Z0-9]\\}choice|jump$',
} as const;

/** How a learner_response or correct_responses pattern of each interaction type is split and checked. */
export interface ResponseRule {
  format: string;
  format2?: string;
  max: number;
  delimiter: string;
  delimiter2?: string;
  unique: boolean;
  /** correct_responses only: a prefix stripped before the check. */
  pre?: string;
  /** correct_responses only: how many patterns the type allows. */
  limit?: number;
}

const short = T2004.CMIShortIdentifier;

/** scorm_13.js, `learner_response`. */
export const LEARNER_RESPONSE: Record<string, ResponseRule> = {
  'true-false': { format: '^true$|^false$', max: 1, delimiter: '', unique: false },
  choice: { format: short, max: 36, delimiter: '[,]', unique: true },
  'fill-in': { format: T2004.CMILangString250, max: 10, delimiter: '[,]', unique: false },
  'long-fill-in': { format: T2004.CMILangString4000, max: 1, delimiter: '', unique: false },
  matching: { format: short, format2: short, max: 36, delimiter: '[,]', delimiter2: '[.]', unique: false },
  performance: { format: `^$|${short}`, format2: `${T2004.CMIDecimal}|^$|${short}`, max: 250, delimiter: '[,]', delimiter2: '[.]', unique: false },
  sequencing: { format: short, max: 36, delimiter: '[,]', unique: false },
  likert: { format: short, max: 1, delimiter: '', unique: false },
  numeric: { format: T2004.CMIDecimal, max: 1, delimiter: '', unique: false },
  other: { format: T2004.CMIString4000, max: 1, delimiter: '', unique: false },
};

/** scorm_13.js, `correct_responses`. */
export const CORRECT_RESPONSES: Record<string, ResponseRule> = {
  'true-false': { pre: '', max: 1, delimiter: '', unique: false, format: '^true$|^false$', limit: 1 },
  choice: { pre: '', max: 36, delimiter: '[,]', unique: true, format: short },
  'fill-in': { pre: '', max: 10, delimiter: '[,]', unique: false, format: T2004.CMILangString250cr },
  'long-fill-in': { pre: '^(\\{case_matters=(true|false)\\})?', max: 1, delimiter: '', unique: false, format: T2004.CMILangString4000 },
  matching: { pre: '', max: 36, delimiter: '[,]', delimiter2: '[.]', unique: false, format: short, format2: short },
  performance: { pre: '^(\\{order_matters=(true|false)\\})?', max: 250, delimiter: '[,]', delimiter2: '[.]', unique: false, format: `^$|${short}`, format2: `${T2004.CMIDecimal}|^$|${short}` },
  sequencing: { pre: '', max: 36, delimiter: '[,]', unique: false, format: short },
  likert: { pre: '', max: 1, delimiter: '', unique: false, format: short, limit: 1 },
  numeric: { pre: '', max: 2, delimiter: '[:]', unique: false, format: T2004.CMIDecimal, limit: 1 },
  other: { pre: '', max: 1, delimiter: '', unique: false, format: T2004.CMIString4000, limit: 1 },
};

/** SCORM 1.2 data types (scorm_12.js, and scorm_12.js.php for the two strings). */
export const T12 = {
  CMIString256: '^[\\u0000-\\uFFFF]{0,255}$',
  CMIString4096: '^[\\u0000-\\uFFFF]{0,4096}$',
  CMITime: '^([0-2]{1}[0-9]{1}):([0-5]{1}[0-9]{1}):([0-5]{1}[0-9]{1})(\\.[0-9]{1,2})?$',
  CMITimespan: '^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\\.[0-9]{1,2})?$',
  CMISInteger: '^-?([0-9]+)$',
  CMIDecimal: '^-?([0-9]{0,3})(\\.[0-9]*)?$',
  CMIIdentifier: '^[\\u0021-\\u007E]{0,255}$',
  CMIStatus: '^passed$|^completed$|^failed$|^incomplete$|^browsed$',
  CMIStatus2: '^passed$|^completed$|^failed$|^incomplete$|^browsed$|^not attempted$',
  CMIExit: '^time-out$|^suspend$|^logout$|^$',
  CMIType: '^true-false$|^choice$|^fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$',
  CMIResult: '^correct$|^wrong$|^unanticipated$|^neutral$|^([0-9]{0,3})?(\\.[0-9]*)?$',
  NAVEvent: '^previous$|^continue$',
} as const;

/**
 * SCORM 1.2 RTE, CMIFeedback for `choice` and `sequencing`: "a series of single
 * characters separated by commas; legal characters are 0 to 9 and a to z". Moodle
 * leaves CMIFeedback as CMIString256 ("This must be redefined"); the strict runtime
 * applies the specification, as stricter SCORM 1.2 players do.
 */
export const SCORM12_CHARACTER_LIST = '^[0-9a-z](,[0-9a-z])*$';

/** The SCORM index in an element name (CMIIndex in both players). */
export const CMI_INDEX = /[._](\d+)\./g;

/** Whether `value` matches a Moodle pattern the way its SetValue tests it. */
export function matches(pattern: string, value: string): boolean {
  const m = value.match(new RegExp(pattern));
  return m !== null && (m.join('').length > 0 || value.length === 0);
}
