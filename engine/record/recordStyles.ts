// The learning record's stylesheet. It is written for paper first: A4, margins wide
// enough to punch and file, a footer on every page naming the learner and the course
// with "Page n of m", table headings repeated on each page, headings kept with what
// follows them, and the certificate on a page of its own with a page style of its own.
// On screen the same document reads as a sheet of paper on a grey desk.

/** A CSS string literal holding `text`: quotes, backslashes, line breaks and "<" are escaped, so nothing can close the string or the style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** The stylesheet of a record whose pages are footed with `footer`. */
export function recordStyles(footer: string): string {
  return `
@page {
  size: A4;
  margin: 20mm 18mm 22mm 18mm;
  @bottom-left { content: ${cssString(footer)}; font: 8pt/1.3 "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: #444; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt/1.3 "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: #444; }
}
@page certificate {
  margin: 14mm;
  @bottom-left { content: none; }
  @bottom-right { content: none; }
}
*, *::before, *::after { box-sizing: border-box; }
html { color: #1a1a1a; background: #fff; font: 10.5pt/1.45 "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
body { margin: 0; }
h1, h2, h3 { line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 20pt; margin: 0 0 2mm; color: #12385e; }
h2 { font-size: 13pt; margin: 8mm 0 3mm; padding-bottom: 1mm; border-bottom: 0.4mm solid #12385e; color: #12385e; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
p { margin: 0 0 2mm; }
ol, ul { margin: 0 0 2mm; padding-left: 6mm; }
li { margin-bottom: 1mm; }
.record-kind { text-transform: uppercase; letter-spacing: 0.08em; font-size: 9pt; font-weight: 700; color: #444; margin-bottom: 1mm; }
.record-level { font-size: 11pt; margin-bottom: 4mm; }
dl { display: grid; grid-template-columns: 48mm 1fr; gap: 1.5mm 4mm; margin: 0 0 2mm; }
dt { font-weight: 700; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 0 0 2mm; font-size: 9.5pt; }
caption { text-align: left; font-size: 9pt; color: #444; margin-bottom: 1.5mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 1.5mm 2mm; border-bottom: 0.25mm solid #999; }
thead th { border-bottom: 0.5mm solid #1a1a1a; }
tbody th { font-weight: 600; width: 38%; }
td.record-day { white-space: nowrap; }
.record-keep { break-inside: avoid; page-break-inside: avoid; }
.record-scenario, .record-reflection { break-inside: avoid; page-break-inside: avoid; margin-bottom: 4mm; }
.record-where { font-size: 9pt; color: #444; }
.record-reflection blockquote { margin: 1mm 0 0; padding: 2mm 3mm; border-left: 1mm solid #12385e; background: #f2f5f9; white-space: pre-wrap; overflow-wrap: anywhere; }
.record-foot { margin-top: 8mm; font-size: 8.5pt; color: #444; border-top: 0.25mm solid #999; padding-top: 2mm; }
.certificate { page: certificate; break-before: page; page-break-before: always; height: 268mm; display: flex; flex-direction: column; justify-content: center; align-items: center; text-align: center; border: 2.5mm double #12385e; padding: 16mm 18mm; font-family: Georgia, "Times New Roman", "Liberation Serif", serif; }
.certificate h2 { border: 0; font-size: 24pt; letter-spacing: 0.04em; margin: 0 0 10mm; font-weight: 400; }
.certificate p { font-size: 13pt; margin: 0 0 3mm; }
.certificate .certificate-name { font-size: 26pt; margin: 2mm 0 6mm; color: #12385e; }
.certificate .certificate-course { font-size: 18pt; font-weight: 700; margin: 2mm 0 2mm; }
.certificate .certificate-level { font-size: 11pt; margin-bottom: 8mm; }
.certificate .certificate-note { font-size: 9pt; color: #444; margin-top: 14mm; max-width: 140mm; font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
.record-actions { display: none; }
@media screen {
  html { background: #e4e4e4; }
  body { padding: 16px; }
  .record, .certificate { max-width: 210mm; margin: 0 auto 16px; background: #fff; color: #1a1a1a; box-shadow: 0 1px 4px rgb(0 0 0 / 25%); }
  .record { padding: 20mm 18mm; }
  .certificate { height: auto; min-height: 200mm; }
  .record-actions { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; max-width: 210mm; margin: 0 auto 16px; }
  .record-actions p { margin: 0; }
  .record-actions button { font: inherit; font-weight: 700; padding: 8px 16px; border: 2px solid #12385e; border-radius: 4px; background: #12385e; color: #fff; cursor: pointer; }
  .record-actions button:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
}
@media screen and (prefers-color-scheme: dark) {
  html { background: #1e1e1e; }
  .record-actions { color: #eee; }
  .record-actions button { border-color: #9cc3f0; }
}
@media print {
  .record-actions { display: none; }
}
`;
}
