// The sash between the Side Bar and the editor, as in VS Code: drag it to resize the
// Side Bar, or focus it and use the arrow keys (Shift for bigger steps, Home and End
// for the narrowest and widest); a double-click puts the default width back. It is a
// focusable separator with its value, so assistive technology can tell and set it.

import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { SIDE_BAR_DEFAULT, SIDE_BAR_MAX, SIDE_BAR_MIN, clampSideBarWidth } from '../state/layoutMachine';
import { useLayout, useServices } from '../WorkbenchContext';

/** Root font size in pixels: the width is kept in rem, so it scales with zoom. */
function remPixels(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/** The resizing sash; `onDrag` shows a width while dragging, before it is kept. */
export function Sash({ onDrag }: { onDrag: (width: number | undefined) => void }) {
  const services = useServices();
  const width = useLayout((s) => s.context.sideBarWidth ?? SIDE_BAR_DEFAULT);
  const [dragging, setDragging] = useState(false);
  const start = useRef<{ x: number; width: number }>(undefined);
  const live = useRef(width);

  const set = (next: number) => services.layout.send({ type: 'SET_SIDE_BAR_WIDTH', width: next });

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 4 : 1;
    const keys: Record<string, number> = { ArrowLeft: width - step, ArrowRight: width + step, Home: SIDE_BAR_MIN, End: SIDE_BAR_MAX };
    if (!(event.key in keys) || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    set(keys[event.key]!);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    start.current = { x: event.clientX, width };
    live.current = width;
    setDragging(true);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    live.current = clampSideBarWidth(start.current.width + (event.clientX - start.current.x) / remPixels());
    onDrag(live.current);
  };
  const onPointerUp = () => {
    if (!start.current) return;
    start.current = undefined;
    setDragging(false);
    onDrag(undefined);
    set(live.current);
  };

  return (
    <div
      className={`wb-sash${dragging ? ' wb-sash-dragging' : ''}`}
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize Side Bar"
      aria-controls="wb-sidebar"
      aria-valuemin={SIDE_BAR_MIN}
      aria-valuemax={SIDE_BAR_MAX}
      aria-valuenow={width}
      aria-valuetext={`Side Bar ${Math.round(((width - SIDE_BAR_MIN) / (SIDE_BAR_MAX - SIDE_BAR_MIN)) * 100)}% of its widest`}
      title="Drag to resize the Side Bar; double-click for its usual width"
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => set(SIDE_BAR_DEFAULT)}
    />
  );
}
