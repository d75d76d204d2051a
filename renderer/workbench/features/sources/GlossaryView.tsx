// The Glossary view: a course's terms in alphabetical order, each with its definition
// and the document it comes from, and a box that narrows the list as you type. A term
// chosen in a lesson or in Quick Open opens it here.

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TabRef } from '../../../../engine/api/studioApi';
import { linkedGlossary } from '../../../../engine/course/textLinks';
import { focusElement, useFocusable } from '../../views/viewFocus';
import { useLayout, useServices, useSession } from '../../WorkbenchContext';
import { useReveal } from './reveal';

/** The Glossary view of the tab's course. */
export function GlossaryView({ tab }: { tab: TabRef }) {
  const services = useServices();
  const id = useId();
  const opened = useSession((s) => s.context.opened[tab.courseId]);
  const active = useLayout((s) => {
    const t = s.context.activeTab === undefined ? undefined : s.context.tabs[s.context.activeTab];
    return t?.kind === 'view' && t.itemId === 'glossary' && t.courseId === tab.courseId;
  });
  const [filter, setFilter] = useState('');
  const root = useRef<HTMLElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const reveal = useReveal('glossary', tab.courseId);
  const terms = useMemo(() => linkedGlossary(opened?.course.glossary ?? []), [opened]);
  const titles = useMemo(() => new Map((opened?.course.references ?? []).map((r) => [r.id, r.title])), [opened]);

  const focus = useCallback(() => {
    if (reveal.id && filter !== '') setFilter('');
    const wanted = reveal.id ? root.current?.querySelector<HTMLElement>(`[data-term="${CSS.escape(reveal.id)}"]`) : undefined;
    if (wanted) {
      wanted.scrollIntoView({ block: 'center' });
      focusElement(wanted);
      reveal.done();
      return true;
    }
    return focusElement(input.current);
  }, [reveal.id, terms, filter]);
  useFocusable(active ? 'glossary' : undefined, focus);
  useEffect(() => {
    if (active && reveal.id) focus();
  }, [active, reveal.id]);

  if (!opened) return <p className="wb-loading">Opening the course…</p>;
  const words = filter.trim().toLowerCase();
  const shown = words ? terms.filter((t) => t.term.toLowerCase().includes(words) || t.definition.toLowerCase().includes(words)) : terms;

  return (
    <article className="wb-page wb-glossary" ref={root} aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Glossary</h1>
      <p>
        The terms <cite>{opened.course.title}</cite> uses, as the course explains them. In a lesson, a term from this list is underlined with dots
        where it is first used: rest the pointer on it or move to it with Tab to read its explanation.
      </p>
      <div className="wb-glossary-find">
        <label htmlFor={`${id}-find`}>Find a term</label>
        <input ref={input} id={`${id}-find`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} aria-describedby={`${id}-count`} />
        <p id={`${id}-count`} className="wb-hint" role="status">
          {words ? `${shown.length} of ${terms.length} terms match.` : `${terms.length} terms.`}
        </p>
      </div>
      <dl className="wb-glossary-list">
        {shown.map((t) => (
          <div key={t.slug} className="wb-glossary-entry">
            <dt id={`term-${t.slug}`} data-term={t.slug} tabIndex={-1}>
              {t.term}
            </dt>
            <dd>
              {t.definition}
              {t.source && titles.has(t.source) && (
                <>
                  {' '}
                  <span className="wb-glossary-source">
                    Source:{' '}
                    <button type="button" className="wb-link-button" onClick={() => void services.runCommand('course.showReferences', { courseId: opened.course.id, referenceId: t.source })}>
                      <cite>{titles.get(t.source)}</cite>
                    </button>
                  </span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
