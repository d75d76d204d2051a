// A small icon for an item's status, drawn in SVG so it looks the same on every
// system (no emoji font needed). It is decoration: the status is always also in words.

import type { ItemStatus } from '../../../engine/progress/model';

/** The status icon. */
export function StatusIcon({ status }: { status: ItemStatus }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={`wb-status-icon wb-status-icon-${status}`}>
      {status === 'locked' && (
        <>
          <rect x="3" y="7" width="10" height="7" rx="1" fill="currentColor" />
          <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </>
      )}
      {status === 'not-started' && <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.4" />}
      {status === 'in-progress' && (
        <>
          <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <path d="M8 2.5a5.5 5.5 0 0 1 0 11z" fill="currentColor" />
        </>
      )}
      {status === 'complete' && <path d="m3 8.5 3.2 3.2L13 4.8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />}
    </svg>
  );
}
