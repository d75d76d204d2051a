// Learning records in browser mode. The server runs no browser of its own, so it keeps
// the record's HTML (in the data folder's records folder, the copy the learner keeps)
// and serves it as a page of its own, which the learner's own browser prints to PDF
// with the record's print stylesheet: the same HTML the desktop app prints with
// Electron's printToPDF, printed by the browser the learner is already using. The
// page is served with a toolbar and one small script (allowed by its hash, nothing
// else may run) that opens the print dialog, where Save as PDF makes the file.

import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { describeFsError } from '../services/progressSentences';
import type { RecordWriter } from '../services/recordWriter';
import { UserError } from '../services/userError';

/** Shape of the ids records are served under: 24 random bytes, base64url. */
export const RECORD_ID = /^[A-Za-z0-9_-]{32}$/;
/** Records kept reachable at once; older ones stay on disk, only their address lapses. */
const MAX_SERVED = 50;

const PRINT_SCRIPT =
  "document.getElementById('record-print').addEventListener('click',function(){print();});" +
  "if(location.hash==='#print'){addEventListener('load',function(){setTimeout(print,200);});}";
const TOOLBAR =
  '<div class="record-actions" role="region" aria-label="Keep this record">' +
  '<button type="button" id="record-print">Save as PDF or print</button>' +
  '<p>In the print dialog, choose <strong>Save as PDF</strong> as the destination to keep this record as a PDF.</p></div>';

/** The record page's policy: its own inline styles and the print script, nothing fetched, nothing framed. */
export const RECORD_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  `script-src 'sha256-${createHash('sha256').update(PRINT_SCRIPT).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Browser mode's records: a writer for the Studio service, and the file behind each served id. */
export interface RecordPages {
  writer: RecordWriter;
  fileOf(id: string): string | undefined;
}

/** Keeps records as HTML files in `dir`, each served at /record/<id>. */
export function createRecordPages(dir: string): RecordPages {
  const served = new Map<string, string>();
  return {
    async writer(record) {
      let htmlPath: string;
      try {
        await fsp.mkdir(dir, { recursive: true });
        htmlPath = await writeNew(dir, record.baseName, record.html);
      } catch (error) {
        throw new UserError('record-not-saved', `Your learning record could not be saved in ${dir} (${describeFsError(error)}); free some space or check that folder, then try again.`);
      }
      const id = randomBytes(24).toString('base64url');
      served.set(id, htmlPath);
      while (served.size > MAX_SERVED) served.delete(served.keys().next().value!);
      return { htmlPath, viewUrl: `/record/${id}#print` };
    },
    fileOf: (id) => served.get(id),
  };
}

/** Writes `<baseName>.html` in `dir`, or `<baseName> (2).html` and so on: never over an earlier record. */
async function writeNew(dir: string, baseName: string, html: string): Promise<string> {
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${baseName}${n > 1 ? ` (${n})` : ''}.html`);
    try {
      await fsp.writeFile(file, html, { encoding: 'utf8', flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Serves a saved record with the toolbar and the print script added. */
export async function recordPage(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
  let html: string;
  try {
    html = await fsp.readFile(file, 'utf8');
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`The learning record ${file} is no longer there; export it again from the Command Palette (Export My Learning Record).\n`);
    return;
  }
  const page = html.replace(/<body([^>]*)>/, (open) => open + TOOLBAR).replace('</body>', () => `<script>${PRINT_SCRIPT}</script></body>`);
  res.setHeader('Content-Security-Policy', RECORD_PAGE_CSP);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page), 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : page);
}
