// Whether the window is narrow: under about 700 CSS pixels at 100% zoom, or the same
// room at a larger zoom (400 px at 100%, or 1280 px at 200%). There the Side Bar floats
// over the editor instead of squeezing it to a sliver.

import { useEffect, useState } from 'react';

/** Width below which the window counts as narrow, in rem (700 px at 16 px to the rem). */
export const NARROW_REM = 43.75;

function isNarrow(zoom: number): boolean {
  return window.innerWidth < NARROW_REM * 16 * zoom;
}

/** True while the window is narrow at this zoom. */
export function useNarrowWindow(zoom: number): boolean {
  const [narrow, setNarrow] = useState(() => isNarrow(zoom));
  useEffect(() => {
    const update = () => setNarrow(isNarrow(zoom));
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [zoom]);
  return narrow;
}
