// Applies the theme and zoom to the document. "Follow the system" picks high
// contrast when the system forces colours or asks for more contrast, otherwise
// dark or light as the system prefers, and follows changes while the app runs.
// Zoom scales the root font size: every size in the stylesheets is in rem.

import { useEffect, useState } from 'react';
import type { ThemeSetting } from '../../../engine/api/studioApi';

/** The concrete theme a setting resolves to. */
export type ResolvedTheme = 'light' | 'dark' | 'high-contrast';

const QUERIES = ['(forced-colors: active)', '(prefers-contrast: more)', '(prefers-color-scheme: dark)'];

function systemTheme(): ResolvedTheme {
  if (matchMedia(QUERIES[0]!).matches || matchMedia(QUERIES[1]!).matches) return 'high-contrast';
  return matchMedia(QUERIES[2]!).matches ? 'dark' : 'light';
}

/** Sets data-theme and the root font size; returns the theme in use. */
export function useAppearance(theme: ThemeSetting, zoom: number): ResolvedTheme {
  const [system, setSystem] = useState<ResolvedTheme>(systemTheme);
  useEffect(() => {
    const lists = QUERIES.map((q) => matchMedia(q));
    const update = () => setSystem(systemTheme());
    for (const l of lists) l.addEventListener('change', update);
    return () => {
      for (const l of lists) l.removeEventListener('change', update);
    };
  }, []);
  const resolved = theme === 'system' ? system : theme;
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = resolved;
    root.style.colorScheme = resolved === 'light' ? 'light' : 'dark';
  }, [resolved]);
  useEffect(() => {
    document.documentElement.style.fontSize = `${Math.round(zoom * 100)}%`;
  }, [zoom]);
  return resolved;
}
