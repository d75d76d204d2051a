// A modal dialog: focus moves in and stays in (Tab wraps), Escape closes, and the
// Overlays part returns focus to where it was.

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { CloseIcon } from './icons';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex="0"]';

/** A modal dialog with a title and a close button. */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>(`.wb-dialog-body ${FOCUSABLE.split(', ').join(', .wb-dialog-body ')}`);
    (first ?? ref.current)?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      const items = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      if (items.length === 0) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div className="wb-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="wb-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} ref={ref} tabIndex={-1} onKeyDown={onKeyDown}>
        <div className="wb-dialog-header">
          <h2 id={`${id}-title`}>{title}</h2>
          <button type="button" className="wb-icon-button" aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </button>
        </div>
        <div className="wb-dialog-body">{children}</div>
      </div>
    </div>
  );
}
