// The Panel: the reflection journal and the learner's notes beside the lesson or
// scenario being studied. The journal shows the prompts of the lesson in front, or
// the entry picked in the Journal view; the notes are the learner's own, one per item.

import { useCallback, useMemo, useRef } from 'react';
import { isItemTab } from '../../editor/tabKey';
import { useLayout, useServices, useSession } from '../../WorkbenchContext';
import { findItem } from '../../course/courseItems';
import { JournalEntryEditor } from './JournalEntryEditor';
import { useSelectedReflection } from './journalSelection';
import { NotesEditor } from './NotesEditor';
import { courseReflections } from './reflections';
import { focusFirst, useFocusable } from '../../views/viewFocus';

/** The journal and notes, in the Panel. */
export function JournalPanel() {
  const services = useServices();
  const courseId = useLayout((s) => s.context.openCourseId);
  const activeTab = useLayout((s) => (s.context.activeTab === undefined ? undefined : s.context.tabs[s.context.activeTab]));
  const course = useSession((s) => (courseId ? s.context.opened[courseId]?.course : undefined));
  const saved = useSession((s) => (courseId ? s.context.progress[courseId]?.reflections : undefined));
  const notes = useSession((s) => (courseId ? s.context.progress[courseId]?.notes : undefined));
  const selected = useSelectedReflection();
  const all = useMemo(() => (course ? courseReflections(course) : []), [course]);

  const inLesson = activeTab?.kind === 'lesson' && activeTab.courseId === courseId ? all.filter((p) => p.lesson.id === activeTab.itemId) : [];
  const picked = all.filter((p) => p.reflection.id === selected);
  const shown = picked.length ? picked : inLesson;
  const written = all.filter((p) => saved?.[p.reflection.id]).length;
  const studying =
    course && isItemTab(activeTab) && activeTab.courseId === courseId ? findItem(course, activeTab.kind, activeTab.itemId) : undefined;

  const root = useRef<HTMLDivElement>(null);
  useFocusable('panel', useCallback(() => focusFirst(root.current, 'textarea, [tabindex="0"], button'), [shown, studying]));
  useFocusable('journalEntry', useCallback(() => focusFirst(root.current, '.wb-journal-entry textarea'), [shown]));
  useFocusable('notes', useCallback(() => focusFirst(root.current, '.wb-notes textarea'), [studying]));

  return (
    <div className="wb-panel-body" ref={root}>
      <p className="wb-hint wb-panel-hint">
        {course ? `${written} of ${all.length} reflections written in ${course.title}` : 'Open a course to keep a journal and notes.'}
      </p>
      <div className="wb-panel-columns">
        <div className="wb-panel-column">
          <h3 className="wb-panel-section-title">Journal</h3>
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
        <div className="wb-panel-column wb-notes">
          <h3 className="wb-panel-section-title">Notes</h3>
          {studying ? (
            <NotesEditor
              key={studying.id}
              itemId={studying.id}
              title={studying.title}
              saved={notes?.[studying.id]}
              onSave={(text) => courseId && void services.recordEvent(courseId, { type: 'note.saved', itemId: studying.id, text })}
            />
          ) : (
            <p className="wb-hint">{course ? 'Open a lesson or scenario to write your notes on it.' : ''}</p>
          )}
        </div>
      </div>
    </div>
  );
}
