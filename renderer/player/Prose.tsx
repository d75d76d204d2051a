// Shows course Markdown. The HTML comes only from renderMarkdown, which sanitises it.
import { useMemo } from 'react';
import { renderMarkdown, type TextLinks } from './markdown';

/** Props of Prose. */
export interface ProseProps {
  markdown: string;
  /** URL prefix that relative image paths resolve against. */
  assetBase: string;
  className?: string;
  /** Citations and glossary terms to link, where the host shows them. */
  links?: TextLinks;
}

/** Renders a piece of course Markdown as sanitised HTML inside a div. */
export function Prose({ markdown, assetBase, className, links }: ProseProps) {
  const html = useMemo(() => renderMarkdown(markdown, assetBase, links), [markdown, assetBase, links]);
  return <RenderedHtml html={html} className={className} />;
}

/** Shows HTML that renderMarkdown produced (and sanitised). */
export function RenderedHtml({ html, className }: { html: string; className?: string }) {
  return <div className={className ?? 'hcs-prose'} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Shows one line of Markdown rendered by renderInlineMarkdown (and sanitised) inside a span. */
export function InlineHtml({ html, className }: { html: string; className?: string }) {
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
