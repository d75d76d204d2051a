// A source document as the course keeps it: plain text, line breaks as received, with
// a box that finds words in it (the desktop app has no find-in-page of its own). The
// text is read through the Studio API and shown as text, never as a page.

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SourceDocument, TabRef } from '../../../../engine/api/studioApi';
import { focusElement, useFocusable } from '../../views/viewFocus';
import { useLayout, useServices, useSession } from '../../WorkbenchContext';

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; document: SourceDocument };

/** The source document of the tab's reference. */
export function SourceView({ tab }: { tab: TabRef }) {
  const services = useServices();
  const id = useId();
  const reference = useSession((s) => s.context.opened[tab.courseId]?.course.references.find((r) => r.id === tab.itemId));
  const active = useLayout((s) => {
    const t = s.context.activeTab === undefined ? undefined : s.context.tabs[s.context.activeTab];
    return t?.kind === 'source' && t.itemId === tab.itemId && t.courseId === tab.courseId;
  });
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const textRef = useRef<HTMLPreElement>(null);
  useFocusable(active ? 'source' : undefined, useCallback(() => focusElement(heading.current), [loaded.state]));

  useEffect(() => {
    let stale = false;
    void services.api.readSource(tab.courseId, tab.itemId).then((result) => {
      if (!stale) setLoaded(result.ok ? { state: 'ready', document: result.value } : { state: 'failed', message: result.error.message });
    });
    return () => {
      stale = true;
    };
  }, [services, tab.courseId, tab.itemId]);

  const text = loaded.state === 'ready' ? loaded.document.text : '';
  const parts = useMemo(() => splitMatches(text, query.trim()), [text, query]);
  const matches = parts.filter((p) => p.match).length;

  useEffect(() => {
    setCurrent(0);
  }, [query]);
  useEffect(() => {
    textRef.current?.querySelectorAll('mark')[current]?.scrollIntoView({ block: 'center' });
  }, [current, parts]);

  const title = reference?.title ?? (loaded.state === 'ready' ? loaded.document.title : tab.itemId);
  let index = -1;
  return (
    <article className="wb-page wb-source" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
        <cite>{title}</cite>
      </h1>
      {reference && (
        <p className="wb-reference-facts">
          {reference.organisation}, {reference.year ?? 'no year given in the document'}. The text as the course keeps it, line breaks and page
          furniture as received.
        </p>
      )}
      {loaded.state === 'loading' && <p className="wb-loading">Reading the document…</p>}
      {loaded.state === 'failed' && <p role="alert">{loaded.message}</p>}
      {loaded.state === 'ready' && (
        <>
          <form
            className="wb-source-find"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              if (matches) setCurrent((c) => (c + 1) % matches);
            }}
          >
            <label htmlFor={`${id}-find`}>Find in this document</label>
            <input id={`${id}-find`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby={`${id}-found`} />
            <button type="submit" className="wb-button" disabled={matches < 2}>
              Next match
            </button>
            <p id={`${id}-found`} className="wb-hint" role="status">
              {query.trim().length < 2 ? '' : matches === 0 ? 'Not found.' : `Match ${current + 1} of ${matches}.`}
            </p>
          </form>
          <pre className="wb-source-text" ref={textRef} tabIndex={0} aria-label={`Text of ${title}`}>
            {parts.map((part, i) => {
              if (!part.match) return part.text;
              index++;
              return (
                <mark key={i} className={index === current ? 'wb-mark-current' : undefined}>
                  {part.text}
                </mark>
              );
            })}
          </pre>
        </>
      )}
    </article>
  );
}

/** The text cut at each case-insensitive occurrence of `query` (of two letters or more). */
function splitMatches(text: string, query: string): { text: string; match: boolean }[] {
  if (query.length < 2) return [{ text, match: false }];
  const out: { text: string; match: boolean }[] = [];
  const lower = text.toLowerCase();
  const needle = query.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    if (at > from) out.push({ text: text.slice(from, at), match: false });
    out.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) out.push({ text: text.slice(from), match: false });
  return out;
}
