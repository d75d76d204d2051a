// An SVG is a document, not only a picture: opened on its own (from an LMS's file list,
// a link, a zip) it runs any script it carries. A lesson shows its images through <img>,
// where script never runs, so a course needs nothing an SVG could script with; a pack's
// SVG holding any of it is refused at validation and again at export.
//
// This reads the SVG's tags as XML does (comments, CDATA, quoted attribute values) and
// refuses more than it strictly must: elements that run or embed other documents, event
// handler attributes, links whose address decodes to script, animations that rewrite a
// link, and entity declarations or stylesheets that could bring any of these in.

/** Where an SVG can run script, and what it is, as a noun phrase ("a <script> element"). */
export interface SvgScript {
  offset: number;
  what: string;
}

const ELEMENTS: Readonly<Record<string, string>> = {
  script: 'a <script> element',
  foreignobject: 'a <foreignObject> element',
  iframe: 'an <iframe> element',
  frame: 'a <frame> element',
  embed: 'an <embed> element',
  object: 'an <object> element',
  handler: 'a <handler> element',
  listener: 'a <listener> element',
};
const ANIMATIONS = new Set(['set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor']);
const LINK_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data']);

/** The first place `svg` could run script, or undefined when it is a plain picture. */
export function findSvgScript(svg: string): SvgScript | undefined {
  let k = 0;
  while ((k = svg.indexOf('<', k)) >= 0) {
    const start = k;
    if (svg.startsWith('<!--', k)) {
      k = skipPast(svg, k, '-->');
      continue;
    }
    if (svg.startsWith('<![CDATA[', k)) {
      k = skipPast(svg, k, ']]>');
      continue;
    }
    if (svg[k + 1] === '!') {
      // A DOCTYPE with an internal subset can declare entities that expand into script.
      const end = skipPast(svg, k, '>');
      if (/^<!ENTITY/i.test(svg.slice(k, k + 8)) || svg.slice(k, end).includes('[')) return { offset: start, what: 'an entity declaration' };
      k = end;
      continue;
    }
    if (svg[k + 1] === '?') {
      const end = skipPast(svg, k, '?>');
      if (/^<\?xml-stylesheet/i.test(svg.slice(k, end))) return { offset: start, what: 'a stylesheet instruction' };
      k = end;
      continue;
    }
    const tag = readTag(svg, k);
    k = tag.end;
    if (tag.closing || tag.name === '') continue;
    const name = localName(tag.name);
    const element = ELEMENTS[name];
    if (element) return { offset: start, what: element };
    for (const attr of tag.attributes) {
      const attrName = localName(attr.name);
      if (attrName.startsWith('on')) return { offset: attr.offset, what: `the event handler attribute \`${attr.name}\`` };
      if (LINK_ATTRIBUTES.has(attrName) && isScriptAddress(attr.value)) return { offset: attr.offset, what: `a link to a ${schemeOf(attr.value)}: address` };
      if (ANIMATIONS.has(name) && attrName === 'attributename' && LINK_ATTRIBUTES.has(localName(decodeEntities(attr.value).trim()))) {
        return { offset: start, what: 'an animation that changes a link' };
      }
    }
  }
  return undefined;
}

interface Tag {
  name: string;
  closing: boolean;
  attributes: Array<{ name: string; value: string; offset: number }>;
  end: number;
}

/** Reads the tag opening at `at` (a '<'), attribute values quoted or not, up to its '>'. */
function readTag(svg: string, at: number): Tag {
  let k = at + 1;
  const closing = svg[k] === '/';
  if (closing) k++;
  const nameStart = k;
  while (k < svg.length && !/[\s/>]/.test(svg[k]!)) k++;
  const tag: Tag = { name: svg.slice(nameStart, k), closing, attributes: [], end: k };
  while (k < svg.length) {
    while (k < svg.length && /\s/.test(svg[k]!)) k++;
    if (svg[k] === '>' || k >= svg.length) break;
    if (svg[k] === '/') {
      k++;
      continue;
    }
    const attrStart = k;
    while (k < svg.length && !/[\s=/>]/.test(svg[k]!)) k++;
    const attrName = svg.slice(attrStart, k);
    while (k < svg.length && /\s/.test(svg[k]!)) k++;
    let value = '';
    if (svg[k] === '=') {
      k++;
      while (k < svg.length && /\s/.test(svg[k]!)) k++;
      const quote = svg[k];
      if (quote === '"' || quote === "'") {
        const close = svg.indexOf(quote, k + 1);
        const end = close < 0 ? svg.length : close;
        value = svg.slice(k + 1, end);
        k = end + 1;
      } else {
        const valueStart = k;
        while (k < svg.length && !/[\s>]/.test(svg[k]!)) k++;
        value = svg.slice(valueStart, k);
      }
    }
    if (attrName === '') k++;
    else tag.attributes.push({ name: attrName, value, offset: attrStart });
  }
  tag.end = k + 1;
  return tag;
}

function skipPast(text: string, from: number, marker: string): number {
  const at = text.indexOf(marker, from + 1);
  return at < 0 ? text.length : at + marker.length;
}

/** `xlink:href` -> `href`, `svg:script` -> `script`, lower-cased. */
function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1).toLowerCase();
}

/** True when an address, once its character references and hidden whitespace are undone, runs script or holds a page. */
function isScriptAddress(raw: string): boolean {
  const address = squeeze(decodeEntities(raw)).toLowerCase();
  if (address.startsWith('javascript:') || address.startsWith('vbscript:')) return true;
  return address.startsWith('data:') && !/^data:image\/(png|jpeg|gif|webp|avif)[;,]/.test(address);
}

function schemeOf(raw: string): string {
  return squeeze(decodeEntities(raw)).toLowerCase().split(':')[0] ?? '';
}

/** The text without spaces and control characters, which browsers skip inside a URL's scheme. */
function squeeze(text: string): string {
  let out = '';
  for (const c of text) if (c.charCodeAt(0) > 0x20) out += c;
  return out;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n' };

/** Undoes XML character references (and the few named ones that hide a scheme). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}
