// A course's facts in words, as the course page and the explorer's tooltips say them:
// its level, credits and study hours, and how long a module or lesson takes.

import type { Course } from '../../../engine/course/model';

/** "Undergraduate, FHEQ level 6, 15 credits, 150 hours of study". */
export function courseFacts(course: Pick<Course, 'level' | 'credits' | 'studyHours'>): string[] {
  const award = course.level.award === 'undergraduate' ? 'Undergraduate' : 'Postgraduate';
  return [
    award,
    `FHEQ level ${course.level.fheq}`,
    ...(course.credits !== undefined ? [`${course.credits} credits`] : []),
    ...(course.studyHours !== undefined ? [`${course.studyHours} hours of study`] : []),
  ];
}

/** An estimate in words: "about 45 minutes", "about 25 hours", "about 1 hour 30 minutes". */
export function aboutMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `about ${m} minute${m === 1 ? '' : 's'}`;
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  const h = `${hours} hour${hours === 1 ? '' : 's'}`;
  return rest ? `about ${h} ${rest} minutes` : `about ${h}`;
}
