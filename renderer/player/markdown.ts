// Course Markdown -> safe HTML. Authors write plain Markdown; raw HTML is never
// rendered (markdown-it escapes it with html: false) and DOMPurify then removes
// anything an author or a tampered pack could still smuggle in (script, event
// handler attributes, javascript: URLs), because lesson text reaches the DOM
// through innerHTML in the desktop app, browser mode and SCORM packages alike.
import MarkdownIt from 'markdown-it';
import DOMPurify from 'dompurify';

const md = new MarkdownIt({ html: false, linkify: false, typographer: true });

/** True when a URL names its own scheme (https:, mailto:, data:...) or is protocol-relative. */
function isAbsoluteUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/**
 * Joins a relative media path to a base URL prefix, resolving `.` and `..` inside
 * the path; `..` never climbs above the base, so a pack cannot point outside itself.
 */
export function resolveAssetUrl(src: string, assetBase: string): string {
  if (src === '' || isAbsoluteUrl(src) || src.startsWith('/') || src.startsWith('#')) return src;
  const parts: string[] = [];
  for (const segment of src.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  const base = assetBase === '' || assetBase.endsWith('/') ? assetBase : `${assetBase}/`;
  return base + parts.join('/');
}

/** True for links that leave the course: they open in a new window without handing it this page. */
function isExternalLink(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href) || href.startsWith('//');
}

// The asset base for the render in progress: markdown-it's renderer rules take it
// from the env object each render is given.
interface RenderEnv {
  assetBase: string;
}

const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env: RenderEnv, self) => {
  const token = tokens[idx]!;
  const src = token.attrGet('src');
  if (src !== null) token.attrSet('src', resolveAssetUrl(src, env.assetBase));
  return defaultImage(tokens, idx, options, env, self);
};

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  const href = token.attrGet('href') ?? '';
  if (isExternalLink(href)) {
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer');
  }
  return self.renderToken(tokens, idx, options);
};

const purifier = DOMPurify.isSupported ? DOMPurify : undefined;

/**
 * Renders course Markdown to sanitised HTML. Relative image paths resolve against
 * `assetBase` (a URL prefix for the folder they are relative to); images keep their
 * alt text; external links open in a new window with rel="noopener noreferrer".
 */
export function renderMarkdown(markdown: string, assetBase: string): string {
  const html = md.render(markdown, { assetBase } satisfies RenderEnv);
  // Without a DOM (server-side rendering in Node) DOMPurify cannot run; markdown-it's
  // own output is then already free of raw HTML and of javascript:, vbscript:, file:
  // and non-image data: URLs, which its link validator refuses.
  if (!purifier) return html;
  return purifier.sanitize(html, { ADD_ATTR: ['target'], USE_PROFILES: { html: true } });
}

/** Tells whether Markdown contains a level-1 heading, so a view knows whether to add its own title. */
export function hasTopHeading(markdown: string): boolean {
  return md.parse(markdown, {}).some((token) => token.type === 'heading_open' && token.tag === 'h1');
}
