// Shows course Markdown. The HTML comes only from renderMarkdown, which sanitises it.
import { useMemo } from 'react';
import { renderMarkdown } from './markdown';

/** Props of Markdown. */
export interface MarkdownProps {
  markdown: string;
  /** URL prefix that relative image paths resolve against. */
  assetBase: string;
  className?: string;
}

/** Renders a piece of course Markdown as sanitised HTML inside a div. */
export function Markdown({ markdown, assetBase, className }: MarkdownProps) {
  const html = useMemo(() => renderMarkdown(markdown, assetBase), [markdown, assetBase]);
  return <div className={className ?? 'hcs-prose'} dangerouslySetInnerHTML={{ __html: html }} />;
}
