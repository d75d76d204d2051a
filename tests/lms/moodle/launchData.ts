// What Moodle hands its player at each launch of a SCO, built from the tracks its
// server stored (mod/scorm/datamodels/scorm_12.js.php and scorm_13.js.php build `def`,
// `cmiobj` and `cmiint` from the attempt's tracks): the learner, the stored status,
// score, location and suspend_data, `entry` = resume after an exit of "suspend", normal
// mode with credit, the total time so far, SCORM 1.2's mastery score from the manifest's
// adlcp:masteryscore, and every stored objective and interaction.

import type { Launch12 } from './moodle12';
import type { Launch2004 } from './moodle2004';

/** The learner Moodle launches for. */
export interface MoodleUser {
  id: string;
  name: string;
}

/** The default learner of the test runtimes: a Moodle username and "Last, First" name. */
export const MOODLE_USER: MoodleUser = { id: 'ahmed.k', name: 'Khan, Ahmed' };

const collections = (tracks: ReadonlyMap<string, string>) =>
  [...tracks].filter(([name]) => /^cmi\.(objectives|interactions)\.\d+\./.test(name)).sort(([a], [b]) => byIndex(a, b));

/** Orders collection members by their indices, so a restored collection grows in order. */
function byIndex(a: string, b: string): number {
  const ia = a.match(/\d+/g)?.map(Number) ?? [];
  const ib = b.match(/\d+/g)?.map(Number) ?? [];
  for (let i = 0; i < Math.max(ia.length, ib.length); i++) if ((ia[i] ?? -1) !== (ib[i] ?? -1)) return (ia[i] ?? -1) - (ib[i] ?? -1);
  return 0;
}

/** SCORM 2004 launch data from the stored tracks. */
export function launch2004(tracks: ReadonlyMap<string, string>, user: MoodleUser = MOODLE_USER): Launch2004 {
  const t = (name: string, fallback = '') => tracks.get(name) ?? fallback;
  const def: Record<string, string> = {
    'cmi.completion_status': t('cmi.completion_status'),
    'cmi.completion_threshold': '',
    'cmi.credit': 'credit',
    'cmi.entry': t('cmi.exit') === 'suspend' ? 'resume' : tracks.size ? '' : 'ab-initio',
    'cmi.exit': '',
    'cmi.launch_data': '',
    'cmi.learner_id': user.id,
    'cmi.learner_name': user.name,
    'cmi.learner_preference.audio_level': '1',
    'cmi.learner_preference.language': '',
    'cmi.learner_preference.delivery_speed': '1',
    'cmi.learner_preference.audio_captioning': '0',
    'cmi.location': t('cmi.location'),
    'cmi.max_time_allowed': '',
    'cmi.mode': 'normal',
    'cmi.progress_measure': t('cmi.progress_measure'),
    'cmi.scaled_passing_score': '',
    'cmi.score.scaled': t('cmi.score.scaled'),
    'cmi.score.raw': t('cmi.score.raw'),
    'cmi.score.min': t('cmi.score.min'),
    'cmi.score.max': t('cmi.score.max'),
    'cmi.success_status': t('cmi.success_status', 'unknown'),
    'cmi.suspend_data': t('cmi.suspend_data'),
    'cmi.time_limit_action': '',
    'cmi.total_time': t('cmi.total_time', 'PT0H0M0S'),
  };
  return { def, stored: collections(tracks) };
}

/** SCORM 1.2 launch data from the stored tracks; `masteryScore` is the SCO's adlcp:masteryscore, if any. */
export function launch12(tracks: ReadonlyMap<string, string>, masteryScore?: number, user: MoodleUser = MOODLE_USER): Launch12 {
  const t = (name: string, fallback = '') => tracks.get(name) ?? fallback;
  const def: Record<string, string> = {
    'cmi.core.student_id': user.id,
    'cmi.core.student_name': user.name,
    'cmi.core.lesson_location': t('cmi.core.lesson_location'),
    'cmi.core.credit': 'credit',
    'cmi.core.lesson_status': t('cmi.core.lesson_status'),
    'cmi.core.entry': t('cmi.core.exit') === 'suspend' ? 'resume' : tracks.size ? '' : 'ab-initio',
    'cmi.core.score.raw': t('cmi.core.score.raw'),
    'cmi.core.score.max': t('cmi.core.score.max'),
    'cmi.core.score.min': t('cmi.core.score.min'),
    'cmi.core.total_time': t('cmi.core.total_time', '00:00:00'),
    'cmi.core.lesson_mode': 'normal',
    'cmi.core.exit': '',
    'cmi.suspend_data': t('cmi.suspend_data'),
    'cmi.launch_data': '',
    'cmi.comments': '',
    'cmi.student_data.mastery_score': masteryScore === undefined ? '' : String(masteryScore),
  };
  return { def, stored: collections(tracks) };
}
