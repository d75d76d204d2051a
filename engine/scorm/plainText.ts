// Text for an LMS's reports. Interaction and objective descriptions are localized
// strings of at most 250 characters on one line: Moodle's CMILangString250 pattern,
// `^(\{lang=...\})?([^\{].{0,250}$)?` (mod/scorm/datamodels/scorm_13.js), refuses a
// line break (`.` does not match one) and a leading `{`, and an LMS shows Markdown's
// asterisks and brackets as they are. So emphasis, code and link syntax go, whitespace
// folds to single spaces, and the text is cut at a word with an ellipsis.

/** `markdown` as one line of plain text of at most `max` characters. */
export function plainText(markdown: string, max = 250): string {
  let text = markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(\*|_)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\{+/, '');
  if (text.length > max) {
    const cut = text.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    text = `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
  }
  return text;
}
