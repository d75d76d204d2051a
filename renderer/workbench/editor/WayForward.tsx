// The way on from the end of a lesson or a scenario ending: Next (the following item in
// study order, or, when its module is still locked, what opens it) and, where the
// learner is leaving a module or the course, Back to the course page. Pressing Next at
// a lesson's foot is reaching its end, so the lesson counts as read.

import type { Course } from '../../../engine/course/model';
import { stepFrom, type PathItem } from '../../../engine/progress/coursePath';
import type { CourseProgress } from '../../../engine/progress/model';
import { applyEvent } from '../../../engine/progress/rules';
import { coursePageTab } from '../course/landing';
import { focusView } from '../views/viewFocus';
import { useServices } from '../WorkbenchContext';

/** Props of WayForward. */
export interface WayForwardProps {
  course: Course;
  progress: CourseProgress;
  /** The lesson or scenario the learner is at. */
  here: Pick<PathItem, 'kind' | 'id'>;
}

const itemName = (item: PathItem) => `${item.kind === 'scenario' ? 'Scenario: ' : ''}${item.title}`;

/** Next and, where it applies, Back to the course page. */
export function WayForward({ course, progress, here }: WayForwardProps) {
  const services = useServices();
  // Pressing Next reads the lesson, so where Next leads is worked out as if it had been.
  const read = here.kind === 'lesson' ? applyEvent(course, progress, { type: 'lesson.read', lessonId: here.id }, new Date().toISOString()) : progress;
  const step = stepFrom(course, read, here, 1);
  const moduleOf = (id: string) => course.modules.find((m) => m.lessons.some((l) => l.id === id) || m.scenarios.some((s) => s.id === id));
  const leavingModule = step.kind !== 'item' || step.item.moduleId !== moduleOf(here.id)?.id;

  const markRead = () => {
    if (here.kind === 'lesson' && progress.lessons[here.id]?.read !== true) services.recordEvent(course.id, { type: 'lesson.read', lessonId: here.id });
  };
  const go = async (item: PathItem) => {
    markRead();
    await services.openTab({ courseId: course.id, kind: item.kind, itemId: item.id });
    services.announce(`Opened ${itemName(item)}.`);
    focusView('editor');
  };
  const backToCourse = async () => {
    markRead();
    await services.openTab(coursePageTab(course.id));
    focusView('coursePage');
  };

  const unfinished = step.kind === 'locked' ? step.unfinished.filter((i) => !(i.kind === here.kind && i.id === here.id)) : [];
  const hereUnfinished = step.kind === 'locked' && step.unfinished.some((i) => i.kind === here.kind && i.id === here.id);

  return (
    <nav className="wb-way-forward" aria-label="Way forward">
      {step.kind === 'locked' && (
        <p className="wb-way-note">
          The next module, {step.module.title}, opens when you have completed {step.needs.map((m) => m.title).join(' and ')}.
          {hereUnfinished && ' To finish this lesson, answer every question and save every reflection in it.'}
          {unfinished.length > 0 && ` Still to do there: ${unfinished.map(itemName).join(', ')}.`}
        </p>
      )}
      {step.kind === 'end' && <p className="wb-way-note">This is the last lesson or scenario of {course.title}.</p>}
      <div className="wb-way-buttons">
        {step.kind === 'item' && (
          <button type="button" className="wb-button wb-button-primary" onClick={() => void go(step.item)}>
            Next: {itemName(step.item)}
          </button>
        )}
        {step.kind === 'locked' && unfinished[0] && (
          <button type="button" className="wb-button wb-button-primary" onClick={() => void go(unfinished[0]!)}>
            Go to {itemName(unfinished[0])}
          </button>
        )}
        {leavingModule && (
          <button type="button" className={`wb-button${step.kind === 'item' || unfinished[0] ? '' : ' wb-button-primary'}`} onClick={() => void backToCourse()}>
            Back to the course page
          </button>
        )}
      </div>
    </nav>
  );
}
