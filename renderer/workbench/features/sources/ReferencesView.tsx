// The References view: every document a course cites, with its publisher, year (or
// that none is given) and what the course uses it for, and a way to read the document
// itself where the course keeps a copy. A citation in a lesson opens it at its reference.

import { useCallback, useEffect, useRef } from 'react';
import type { TabRef } from '../../../../engine/api/studioApi';
import { linkedGlossary } from '../../../../engine/course/textLinks';
import { focusElement, useFocusable } from '../../views/viewFocus';
import { useLayout, useServices, useSession } from '../../WorkbenchContext';
import { useReveal } from './reveal';

/** The References view of the tab's course. */
export function ReferencesView({ tab }: { tab: TabRef }) {
  const services = useServices();
  const opened = useSession((s) => s.context.opened[tab.courseId]);
  const active = useLayout((s) => {
    const t = s.context.activeTab === undefined ? undefined : s.context.tabs[s.context.activeTab];
    return t?.kind === 'view' && t.itemId === 'references' && t.courseId === tab.courseId;
  });
  const root = useRef<HTMLElement>(null);
  const reveal = useReveal('references', tab.courseId);

  const focus = useCallback(() => {
    const wanted = reveal.id ? root.current?.querySelector<HTMLElement>(`[data-reference-id="${CSS.escape(reveal.id)}"]`) : undefined;
    const target = wanted ?? root.current?.querySelector<HTMLElement>('h1');
    if (!target) return false;
    target.scrollIntoView({ block: 'start' });
    focusElement(target);
    if (wanted) reveal.done();
    return true;
  }, [reveal.id, opened]);
  useFocusable(active ? 'references' : undefined, focus);
  // A citation chosen while the tab is already open asks again.
  useEffect(() => {
    if (active && reveal.id) focus();
  }, [active, reveal.id]);

  if (!opened) return <p className="wb-loading">Opening the course…</p>;
  const { course } = opened;
  const sources = new Set(opened.sources ?? []);
  const glossary = linkedGlossary(course.glossary);

  return (
    <article className="wb-page wb-references" ref={root} aria-labelledby="references-title">
      <h1 id="references-title" tabIndex={-1}>
        References
      </h1>
      <p>
        The documents <cite>{course.title}</cite> cites. Every fact in the course names one of them; where the course keeps a copy, you can read
        the document itself and check a fact against the words it came from.
      </p>
      {course.references.length === 0 && <p className="wb-hint">This course lists no references.</p>}
      <ol className="wb-reference-list">
        {course.references.map((reference) => {
          const terms = glossary.filter((g) => g.source === reference.id);
          return (
            <li key={reference.id} className="wb-reference" data-reference-id={reference.id} tabIndex={-1} aria-labelledby={`ref-${reference.id}`}>
              <h2 id={`ref-${reference.id}`} className="wb-reference-title">
                <cite>{reference.title}</cite>
              </h2>
              <p className="wb-reference-facts">
                {reference.organisation}, {reference.year ?? 'no year given in the document'}
                {reference.cite && (
                  <>
                    . Cited in the text as <cite>{reference.cite}</cite>
                  </>
                )}
                .
              </p>
              {reference.note && <p>{reference.note}</p>}
              {terms.length > 0 && (
                <p className="wb-reference-terms">
                  Glossary terms defined from it:{' '}
                  {terms.map((t, i) => (
                    <span key={t.slug}>
                      {i > 0 && ', '}
                      <button type="button" className="wb-link-button" onClick={() => void services.runCommand('course.showGlossary', { courseId: course.id, term: t.slug })}>
                        {t.term}
                      </button>
                    </span>
                  ))}
                  .
                </p>
              )}
              {sources.has(reference.id) ? (
                <button
                  type="button"
                  className="wb-button"
                  onClick={() => void services.runCommand('course.openSource', { courseId: course.id, referenceId: reference.id })}
                >
                  Read the document<span className="sr-only">: {reference.title}</span>
                </button>
              ) : (
                <p className="wb-hint">No copy of this document is kept with the course.</p>
              )}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
