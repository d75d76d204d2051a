// The Search view: type, and matching lessons and scenarios from every course are
// listed with the text around the match; Enter or a click opens one.

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SearchHit } from '../../../../engine/api/studioApi';
import { useServices } from '../../WorkbenchContext';
import { focusElement, useFocusable } from '../../views/viewFocus';

const DEBOUNCE_MS = 200;

/** The Search view. */
export function SearchView() {
  const services = useServices();
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [state, setState] = useState<'idle' | 'searching' | 'done' | 'failed'>('idle');
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useFocusable('search', useCallback(() => focusElement(input.current), []));

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setHits([]);
      setState('idle');
      return;
    }
    setState('searching');
    let stale = false;
    const timer = window.setTimeout(async () => {
      const result = await services.api.search(q);
      if (stale) return;
      if (!result.ok) {
        setError(result.error.message);
        setState('failed');
        return;
      }
      setHits(result.value);
      setState('done');
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [query, services]);

  return (
    <div className="wb-search">
      <label htmlFor={`${id}-q`} className="sr-only">
        Search all courses
      </label>
      <input
        ref={input}
        id={`${id}-q`}
        type="search"
        placeholder="Search all courses"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby={`${id}-status`}
      />
      <p id={`${id}-status`} className="wb-hint" role="status">
        {state === 'idle' && 'Type at least two letters.'}
        {state === 'searching' && 'Searching…'}
        {state === 'done' && (hits.length === 0 ? 'Nothing found.' : `${hits.length} ${hits.length === 1 ? 'result' : 'results'}.`)}
        {state === 'failed' && error}
      </p>
      <ul className="wb-search-hits">
        {hits.map((hit) => (
          <li key={`${hit.courseId}/${hit.kind}/${hit.itemId}`}>
            <button
              type="button"
              className="wb-search-hit"
              onClick={() => void services.runCommand('course.openLesson', { courseId: hit.courseId, kind: hit.kind, itemId: hit.itemId })}
            >
              <span className="wb-search-title">
                {hit.kind === 'scenario' ? 'Scenario: ' : ''}
                {hit.title}
              </span>
              <span className="wb-search-snippet">{hit.snippet}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
