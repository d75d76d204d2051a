// The Journal view: every reflection prompt of the open course, written or not;
// picking one opens it in the Panel to write or reread.

import { useCallback, useMemo, useRef } from 'react';
import { useLayout, useServices, useSession } from '../../WorkbenchContext';
import { focusFirst, focusView, useFocusable } from '../../views/viewFocus';
import { selectReflection, useSelectedReflection } from './journalSelection';
import { courseReflections } from './reflections';

/** The Journal view. */
export function JournalView() {
  const services = useServices();
  const courseId = useLayout((s) => s.context.openCourseId);
  const course = useSession((s) => (courseId ? s.context.opened[courseId]?.course : undefined));
  const saved = useSession((s) => (courseId ? s.context.progress[courseId]?.reflections : undefined));
  const selected = useSelectedReflection();
  const all = useMemo(() => (course ? courseReflections(course) : []), [course]);
  const list = useRef<HTMLUListElement>(null);
  useFocusable('journal', useCallback(() => focusFirst(list.current, 'button'), [all]));
  if (!course) return <p className="wb-hint">Open a course in the Courses view to see its journal.</p>;
  if (all.length === 0) return <p className="wb-hint">{course.title} has no reflection prompts.</p>;
  return (
    <ul className="wb-journal-list" ref={list}>
      {all.map((place) => {
        const entry = saved?.[place.reflection.id];
        return (
          <li key={place.reflection.id}>
            <button
              type="button"
              className="wb-journal-item"
              aria-current={selected === place.reflection.id ? 'true' : undefined}
              onClick={() => {
                selectReflection(place.reflection.id);
                if (!services.layout.getSnapshot().context.panelVisible) services.layout.send({ type: 'SHOW_PANEL' });
                focusView('journalEntry');
              }}
            >
              <span className="wb-journal-item-prompt">{place.reflection.prompt}</span>
              <span className="wb-hint">
                {entry ? 'Written' : 'Not written yet'} · {place.lesson.title}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
