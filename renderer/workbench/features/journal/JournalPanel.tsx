// The Panel: the reflection journal beside the lesson being read. It shows the
// prompts of the lesson in front, or the entry picked in the Journal view.

import { useMemo } from 'react';
import { useLayout, useServices, useSession } from '../../WorkbenchContext';
import { JournalEntryEditor } from './JournalEntryEditor';
import { useSelectedReflection } from './journalSelection';
import { courseReflections } from './reflections';

/** The Panel landmark with the journal. */
export function JournalPanel() {
  const services = useServices();
  const courseId = useLayout((s) => s.context.openCourseId);
  const activeTab = useLayout((s) => (s.context.activeTab === undefined ? undefined : s.context.tabs[s.context.activeTab]));
  const course = useSession((s) => (courseId ? s.context.opened[courseId]?.course : undefined));
  const saved = useSession((s) => (courseId ? s.context.progress[courseId]?.reflections : undefined));
  const selected = useSelectedReflection();
  const all = useMemo(() => (course ? courseReflections(course) : []), [course]);

  const inLesson = activeTab?.kind === 'lesson' && activeTab.courseId === courseId ? all.filter((p) => p.lesson.id === activeTab.itemId) : [];
  const picked = all.filter((p) => p.reflection.id === selected);
  const shown = picked.length ? picked : inLesson;
  const written = all.filter((p) => saved?.[p.reflection.id]).length;

  return (
    <section className="wb-panel" aria-label="Panel">
      <div className="wb-panel-header">
        <h2 id="wb-panel-title">Journal</h2>
        <span className="wb-hint">
          {course ? `${written} of ${all.length} reflections written in ${course.title}` : 'Open a course to keep a journal.'}
        </span>
        <button type="button" className="wb-icon-button wb-panel-close" aria-label="Close Panel" onClick={() => services.layout.send({ type: 'TOGGLE_PANEL' })}>
          ×
        </button>
      </div>
      <div className="wb-panel-body">
        {shown.length === 0 ? (
          <p className="wb-hint">
            {course ? 'This lesson has no reflection prompt. Pick an entry in the Journal view to write or reread it.' : ''}
          </p>
        ) : (
          shown.map((place) => (
            <JournalEntryEditor
              key={place.reflection.id}
              place={place}
              saved={saved?.[place.reflection.id]}
              onSave={(text) => courseId && void services.recordEvent(courseId, { type: 'reflection.saved', reflectionId: place.reflection.id, text })}
            />
          ))
        )}
      </div>
    </section>
  );
}
