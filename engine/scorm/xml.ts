// Just enough XML writing for the manifest: escaping and indented elements.

/** Escapes text for an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);
}

/** An element tree node; strings are text. */
export interface XmlNode {
  name: string;
  attrs?: Record<string, string>;
  children?: (XmlNode | string)[];
}

/** Builds an element. */
export function el(name: string, attrs: Record<string, string> = {}, ...children: (XmlNode | string)[]): XmlNode {
  return { name, attrs, children };
}

/** Serialises a node with two-space indentation; text-only elements stay on one line. */
export function renderXml(node: XmlNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const children = node.children ?? [];
  if (children.length === 0) return `${pad}<${node.name}${attrs}/>`;
  if (children.every((c) => typeof c === 'string')) {
    return `${pad}<${node.name}${attrs}>${children.map((c) => escapeXml(c as string)).join('')}</${node.name}>`;
  }
  const inner = children.map((c) => (typeof c === 'string' ? pad + '  ' + escapeXml(c) : renderXml(c, depth + 1))).join('\n');
  return `${pad}<${node.name}${attrs}>\n${inner}\n${pad}</${node.name}>`;
}
