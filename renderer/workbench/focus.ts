// Moving keyboard focus to a part of the workbench after React has drawn it.

/** Focuses the first element matching one of the selectors, trying again on the next frames (about 1.5 s) while it renders or its chunk loads. */
export function focusWhenReady(selectors: string, attempts = 90): void {
  const tryFocus = (left: number) => {
    const el = document.querySelector<HTMLElement>(selectors);
    if (el) el.focus();
    else if (left > 0) requestAnimationFrame(() => tryFocus(left - 1));
  };
  requestAnimationFrame(() => tryFocus(attempts));
}
