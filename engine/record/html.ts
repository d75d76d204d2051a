// HTML built from text the app does not control (a learner's name and reflections, a
// course's titles) must never be read as markup. The `html` tag escapes every value it
// is given unless the value is itself built by `html`, so escaping cannot be forgotten
// at one place and remembered at another.

/** A piece of markup that is safe to place as it is. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** What may be placed in an `html` template: text (escaped), markup, lists of either, or nothing. */
export type HtmlValue = string | number | Html | readonly HtmlValue[] | undefined | null | false;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as it must appear in HTML, in content or in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function place(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(place).join('');
  return escapeHtml(String(value));
}

/** Builds markup from a template, escaping every interpolated value that is not already markup. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += place(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup written by this program itself (a stylesheet), placed as it is; never for text from a course or a learner. */
export function trusted(markup: string): Html {
  return new Html(markup);
}
