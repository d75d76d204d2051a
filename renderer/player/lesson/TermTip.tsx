// The explanation of a glossary term, shown beside it while the pointer rests on it or
// it has keyboard focus. It follows WCAG's rules for content on hover or focus: it
// stays while the pointer moves onto it, Escape dismisses it without moving focus, and
// the term points at it (aria-describedby) while it shows, so a screen reader reads it.

import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** What a tip says about a term. */
export interface TermExplanation {
  term: string;
  definition: string;
  /** Title of the reference the definition comes from. */
  source?: string;
}

interface Shown {
  slug: string;
  anchor: HTMLElement;
  /** The term's top and bottom, relative to the container. */
  above: number;
  below: number;
  left: number;
  /** Shown above the term, for want of room below it. */
  flipped?: boolean;
}

/** Pause before a tip hides when the pointer leaves, so it can move onto the tip. */
const HIDE_AFTER_MS = 300;

/** Shows the tip of any `a.hcs-term` inside `root` on hover and focus. */
export function TermTip({ root, terms }: { root: RefObject<HTMLElement | null>; terms: ReadonlyMap<string, TermExplanation> }) {
  const id = useId();
  const [shown, setShown] = useState<Shown>();
  const hideTimer = useRef<number | undefined>(undefined);

  const hide = useCallback(() => {
    window.clearTimeout(hideTimer.current);
    setShown((current) => {
      current?.anchor.removeAttribute('aria-describedby');
      return undefined;
    });
  }, []);

  const show = useCallback(
    (anchor: HTMLElement) => {
      const container = root.current;
      const slug = anchor.dataset.term;
      if (!container || !slug || !terms.has(slug)) return;
      window.clearTimeout(hideTimer.current);
      const box = container.getBoundingClientRect();
      const at = anchor.getBoundingClientRect();
      anchor.setAttribute('aria-describedby', id);
      setShown((current) => {
        if (current && current.anchor !== anchor) current.anchor.removeAttribute('aria-describedby');
        return { slug, anchor, above: at.top - box.top, below: at.bottom - box.top, left: Math.max(0, at.left - box.left) };
      });
    },
    [root, terms, id],
  );

  useEffect(() => {
    const container = root.current;
    if (!container) return;
    const termOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('a.hcs-term') : null);
    const laterHide = () => {
      window.clearTimeout(hideTimer.current);
      hideTimer.current = window.setTimeout(hide, HIDE_AFTER_MS);
    };
    const over = (e: MouseEvent) => {
      const term = termOf(e.target);
      if (term) show(term);
      else if (e.target instanceof Element && e.target.closest('.hcs-term-tip')) window.clearTimeout(hideTimer.current);
    };
    const out = (e: MouseEvent) => {
      if (termOf(e.target) || (e.target instanceof Element && e.target.closest('.hcs-term-tip'))) laterHide();
    };
    const focusIn = (e: FocusEvent) => {
      const term = termOf(e.target);
      if (term) show(term);
    };
    const focusOut = (e: FocusEvent) => {
      if (termOf(e.target)) hide();
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && termOf(e.target)) {
        e.stopPropagation();
        hide();
      }
    };
    container.addEventListener('mouseover', over);
    container.addEventListener('mouseout', out);
    container.addEventListener('focusin', focusIn);
    container.addEventListener('focusout', focusOut);
    container.addEventListener('keydown', key);
    return () => {
      container.removeEventListener('mouseover', over);
      container.removeEventListener('mouseout', out);
      container.removeEventListener('focusin', focusIn);
      container.removeEventListener('focusout', focusOut);
      container.removeEventListener('keydown', key);
      window.clearTimeout(hideTimer.current);
    };
  }, [root, show, hide]);

  // A tip that would run off the bottom of the window shows above its term instead.
  const tipRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const tip = tipRef.current;
    if (!shown || shown.flipped || !tip) return;
    const rect = tip.getBoundingClientRect();
    if (rect.bottom > window.innerHeight && shown.anchor.getBoundingClientRect().top > rect.height + 8) setShown({ ...shown, flipped: true });
  }, [shown]);

  const explanation = shown ? terms.get(shown.slug) : undefined;
  const height = tipRef.current?.offsetHeight ?? 0;
  return (
    <div
      id={id}
      ref={tipRef}
      role="tooltip"
      className="hcs-term-tip"
      hidden={!explanation}
      style={
        shown
          ? { top: `${shown.flipped ? shown.above - height - 4 : shown.below + 4}px`, left: `min(${shown.left}px, calc(100% - min(22rem, 100%)))` }
          : undefined
      }
    >
      {explanation && (
        <>
          <strong>{explanation.term}</strong>: {explanation.definition}
          {explanation.source && <span className="hcs-term-source"> (Source: {explanation.source}.)</span>}
        </>
      )}
    </div>
  );
}
