// Course Markdown -> safe HTML. Authors write plain Markdown; raw HTML is never
// rendered (markdown-it escapes it with html: false) and DOMPurify then removes
// anything an author or a tampered pack could still smuggle in (script, event
// handler attributes, javascript: URLs), because lesson text reaches the DOM
// through innerHTML in the desktop app, browser mode and SCORM packages alike.
import MarkdownIt, { type StateCore, type Token } from 'markdown-it';
import DOMPurify from 'dompurify';
import type { TermForms } from '../../engine/course/textLinks';

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

/** What course text may link to: its references (by cited title) and its glossary terms. */
export interface TextLinks {
  /** Reference ids by the title the text cites them with in italics (see engine/course/textLinks.ts). */
  citations?: ReadonlyMap<string, string>;
  /** Glossary terms to mark where first used, with the forms to look for (see termForms). */
  terms?: readonly TermForms[];
  /** Slugs already marked; shared across the blocks of one lesson so each term is marked once in it. */
  marked?: Set<string>;
  /** Names no term is marked inside, as written: "Health Creation" is not the term in "The Health Creation Alliance". */
  protect?: readonly string[];
}

// The asset base and links for the render in progress: markdown-it's rules take them
// from the env object each render is given.
interface RenderEnv {
  assetBase: string;
  links?: TextLinks;
}

/** A link token pair around `inner`, made as markdown-it's own tokens so its renderer escapes the attributes. */
function wrapInLink(state: StateCore, attrs: [string, string][], inner: Token[]): Token[] {
  const open = new state.Token('link_open', 'a', 1);
  open.attrs = attrs;
  const close = new state.Token('link_close', 'a', -1);
  return [open, ...inner, close];
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern finding any of `forms` as whole words, longest first (so "Health Creation Alliance" beats "Health Creation"). */
function wordsPattern(forms: Iterable<string>, flags: string): RegExp | undefined {
  const words = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return words.length ? new RegExp(`(?<![\\p{L}\\p{N}])(${words.join('|')})(?![\\p{L}\\p{N}])`, `g${flags}u`) : undefined;
}

/** The patterns and lookups of a glossary, built once per list of terms (a lesson renders many text runs). */
interface TermFinder {
  byWords: Map<string, string>;
  byAbbreviation: Map<string, string>;
  words?: RegExp;
  abbreviations?: RegExp;
}

const finders = new WeakMap<readonly TermForms[], TermFinder>();

function finderFor(terms: readonly TermForms[]): TermFinder {
  let finder = finders.get(terms);
  if (finder) return finder;
  const byWords = new Map(terms.flatMap((t) => t.words.map((w) => [w.toLowerCase(), t.slug] as const)));
  const byAbbreviation = new Map(terms.flatMap((t) => t.abbreviations.map((a) => [a, t.slug] as const)));
  finder = { byWords, byAbbreviation, words: wordsPattern(byWords.keys(), 'i'), abbreviations: wordsPattern(byAbbreviation.keys(), '') };
  finders.set(terms, finder);
  return finder;
}

/** Splits a text token at the first use of each term not yet marked, linking the term. */
function markTerms(state: StateCore, token: Token, links: TextLinks): Token[] {
  const marked = (links.marked ??= new Set());
  const terms = links.terms ?? [];
  if (terms.every((t) => marked.has(t.slug))) return [token];
  const { byWords, byAbbreviation, words, abbreviations } = finderFor(terms);
  const find = (pattern: RegExp | undefined, slugOf: (text: string) => string | undefined) =>
    pattern ? [...token.content.matchAll(pattern)].map((m) => ({ index: m.index, text: m[0], slug: slugOf(m[0]) })) : [];
  const matches = [
    ...find(words, (text) => byWords.get(text.toLowerCase())),
    ...find(abbreviations, (text) => byAbbreviation.get(text)),
  ].sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const guarded = (links.protect ?? []).flatMap((name) => {
    const spans: [number, number][] = [];
    for (let at = token.content.indexOf(name); name && at >= 0; at = token.content.indexOf(name, at + name.length)) spans.push([at, at + name.length]);
    return spans;
  });
  const inName = (from: number, to: number) => guarded.some(([start, end]) => from < end && to > start && !(from <= start && to >= end));
  const out: Token[] = [];
  let rest = 0;
  for (const match of matches) {
    const slug = match.slug;
    if (!slug || marked.has(slug) || match.index < rest || inName(match.index, match.index + match.text.length)) continue;
    marked.add(slug);
    if (match.index > rest) out.push(textToken(state, token.content.slice(rest, match.index)));
    out.push(...wrapInLink(state, [['href', `#term-${slug}`], ['class', 'hcs-term'], ['data-term', slug]], [textToken(state, match.text)]));
    rest = match.index + match.text.length;
  }
  if (out.length === 0) return [token];
  if (rest < token.content.length) out.push(textToken(state, token.content.slice(rest)));
  return out;
}

/** Links citations (an italic title a reference is cited by) and marks glossary terms, outside links and headings. */
function linkText(state: StateCore): void {
  const links = (state.env as RenderEnv).links;
  if (!links?.citations && !links?.terms) return;
  state.tokens.forEach((block, index) => {
    if (block.type !== 'inline' || !block.children) return;
    const inHeading = state.tokens[index - 1]?.type === 'heading_open';
    const children = block.children;
    const out: Token[] = [];
    let depth = 0;
    for (let i = 0; i < children.length; i++) {
      const token = children[i]!;
      if (token.type === 'link_open') depth++;
      if (token.type === 'link_close') depth--;
      const cited = token.type === 'em_open' && children[i + 1]?.type === 'text' && children[i + 2]?.type === 'em_close' ? links.citations?.get(children[i + 1]!.content.trim()) : undefined;
      if (depth === 0 && cited) {
        out.push(...wrapInLink(state, [['href', `#reference-${cited}`], ['class', 'hcs-cite'], ['data-reference', cited]], [token, children[i + 1]!, children[i + 2]!]));
        i += 2;
      } else if (depth === 0 && !inHeading && token.type === 'text' && links.terms) {
        out.push(...markTerms(state, token, links));
      } else out.push(token);
    }
    block.children = out;
  });
}
md.core.ruler.push('hcs_text_links', linkText);

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
export function renderMarkdown(markdown: string, assetBase: string, links?: TextLinks): string {
  return sanitise(md.render(markdown, { assetBase, ...(links ? { links } : {}) } satisfies RenderEnv));
}

/**
 * Renders one line of course Markdown (a question, an option, a prompt) to sanitised
 * inline HTML: emphasis, links and code, with no paragraph around it.
 */
export function renderInlineMarkdown(markdown: string, links?: TextLinks): string {
  return sanitise(md.renderInline(markdown, { assetBase: '', ...(links ? { links } : {}) } satisfies RenderEnv));
}

function sanitise(html: string): string {
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
