// Shows course Markdown. The HTML comes only from renderMarkdown, which sanitises it.
import { useMemo } from 'react';
import { renderMarkdown } from './markdown';

/** Props of Prose. */
export interface ProseProps {
  markdown: string;
  /** URL prefix that relative image paths resolve against. */
  assetBase: string;
  className?: string;
}

/** Renders a piece of course Markdown as sanitised HTML inside a div. */
export function Prose({ markdown, assetBase, className }: ProseProps) {
  const html = useMemo(() => renderMarkdown(markdown, assetBase), [markdown, assetBase]);
  return <div className={className ?? 'hcs-prose'} dangerouslySetInnerHTML={{ __html: html }} />;
}
