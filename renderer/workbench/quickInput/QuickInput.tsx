// The quick input shared by Quick Open and the Command Palette: a combobox over a
// listbox, filtered fuzzily as the learner types. Up/Down move, Enter runs, Escape
// closes and focus returns where it was. Typing ">" in Quick Open switches to
// commands, as in VS Code.

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { fuzzyFilter } from './fuzzy';
import { Highlighted } from './Highlighted';

/** One entry of the quick input. */
export interface QuickItem {
  id: string;
  label: string;
  /** Shown after the label, dimmer (e.g. the module). */
  description?: string;
  /** Shown at the right (e.g. the keybinding). */
  detail?: string;
  run(): void;
}

/** Props of the quick input. */
export interface QuickInputProps {
  title: string;
  placeholder: string;
  items: readonly QuickItem[];
  initialValue?: string;
  /** Called with the raw value; return true when the value switched mode and was handled. */
  onValueChange?: (value: string) => boolean;
  emptyText: string;
  onClose(): void;
}

const MAX_SHOWN = 50;

/** The quick input dialog. */
export function QuickInput({ title, placeholder, items, initialValue = '', onValueChange, emptyText, onClose }: QuickInputProps) {
  const id = useId();
  const [value, setValue] = useState(initialValue);
  const [index, setIndex] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const query = value.replace(/^>/, '');
  const matches = useMemo(() => fuzzyFilter(query, items, (i) => i.label).slice(0, MAX_SHOWN), [query, items]);
  const current = Math.min(index, Math.max(matches.length - 1, 0));

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.setSelectionRange(value.length, value.length);
  }, []);

  useEffect(() => {
    document.getElementById(`${id}-opt-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, id]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setIndex(matches.length ? (current + 1) % matches.length : 0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setIndex(matches.length ? (current - 1 + matches.length) % matches.length : 0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = matches[current]?.item;
      if (chosen) {
        onClose();
        chosen.run();
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div className="wb-quick-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="wb-quick" role="dialog" aria-modal="true" aria-label={title}>
        <input
          ref={inputRef}
          className="wb-quick-input"
          role="combobox"
          aria-label={title}
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-activedescendant={matches.length ? `${id}-opt-${current}` : undefined}
          aria-autocomplete="list"
          placeholder={placeholder}
          value={value}
          spellCheck={false}
          onChange={(e) => {
            if (onValueChange?.(e.target.value)) return;
            setValue(e.target.value);
            setIndex(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={(e) => {
            // Clicking an option keeps the dialog; leaving it for elsewhere closes it.
            if (!e.relatedTarget || !e.currentTarget.closest('.wb-quick')?.contains(e.relatedTarget as Node)) {
              requestAnimationFrame(() => {
                if (!document.activeElement?.closest('.wb-quick')) onClose();
              });
            }
          }}
        />
        <ul className="wb-quick-list" id={`${id}-list`} role="listbox" aria-label={`${title} results`}>
          {matches.map(({ item, match }, i) => (
            <li
              key={item.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === current}
              className={`wb-quick-option${i === current ? ' wb-quick-current' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                onClose();
                item.run();
              }}
            >
              <span className="wb-quick-label">
                <Highlighted text={item.label} positions={match.positions} />
              </span>
              {item.description && <span className="wb-quick-description">{item.description}</span>}
              {item.detail && <kbd className="wb-quick-detail">{item.detail}</kbd>}
            </li>
          ))}
        </ul>
        {matches.length === 0 && (
          <p className="wb-quick-empty" role="status">
            {emptyText}
          </p>
        )}
        <p className="sr-only" role="status" aria-live="polite">
          {matches.length} {matches.length === 1 ? 'result' : 'results'}
        </p>
      </div>
    </div>
  );
}
