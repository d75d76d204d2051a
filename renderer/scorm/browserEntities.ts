// Stands in for the `entities` package in the SCORM runtime build. markdown-it
// decodes HTML entity references (&eacute; &#8212;) with it, and its table of every
// named entity is a sixth of the runtime's size; the browser already knows them all.
// A detached <textarea> parses its content as text only, so nothing is created or run.

let area: HTMLTextAreaElement | undefined;

/** Decodes entity references the way an HTML parser does, including legacy ones without ';'. */
export function decodeHTML(text: string): string {
  if (!text.includes('&')) return text;
  area ??= document.createElement('textarea');
  area.innerHTML = text;
  return area.value;
}

/** Decodes entity references; markdown-it calls this only on a complete `&name;` match. */
export function decodeHTMLStrict(text: string): string {
  return decodeHTML(text);
}
