// The desktop app's learning records: the learner chooses where the PDF goes, the HTML
// copy is written beside it, and the PDF is printed from that very file by Chromium
// (webContents.printToPDF in a hidden window), so the two always match. The window
// runs no script and loads nothing but the record, which embeds everything it shows.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow as BrowserWindowClass, Dialog, SaveDialogOptions } from 'electron';
import type { RecordWriter } from './services/recordWriter';
import { describeFsError } from './services/progressSentences';
import { UserError } from './services/userError';

/** What printing a record needs from Electron. */
export interface RecordPrinterDeps {
  BrowserWindow: typeof BrowserWindowClass;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The folder offered first (the learner's Documents folder). */
  defaultDir: string;
}

/** Session partition of the print window, so it shares nothing with the app's window. */
export const PRINT_PARTITION = 'hcs-record-print';

/** Makes the record writer that asks where to save, then writes the HTML and prints the PDF. */
export function createRecordPrinter(deps: RecordPrinterDeps): RecordWriter {
  return async (record) => {
    const owner = deps.BrowserWindow.getFocusedWindow();
    const options: SaveDialogOptions = {
      title: 'Save your learning record',
      defaultPath: path.join(deps.defaultDir, `${record.baseName}.pdf`),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    };
    const choice = owner ? await deps.dialog.showSaveDialog(owner, options) : await deps.dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return undefined;
    const pdfPath = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`;
    const htmlPath = pdfPath.replace(/\.pdf$/i, '.html');
    await writeOrSay(htmlPath, record.html);
    let pdf: Buffer;
    try {
      pdf = await printToPdf(deps.BrowserWindow, htmlPath);
    } catch (error) {
      throw new UserError('record-not-printed', `Your learning record could not be printed to PDF (${error instanceof Error ? error.message : String(error)}); its HTML copy is saved as ${htmlPath}.`);
    }
    await writeOrSay(pdfPath, pdf);
    return { htmlPath, pdfPath };
  };
}

/** Prints an HTML file to an A4 PDF, with the page size, breaks and margins its print stylesheet sets. */
export async function printToPdf(BrowserWindow: typeof BrowserWindowClass, htmlPath: string): Promise<Buffer> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      partition: PRINT_PARTITION,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  try {
    await win.loadFile(htmlPath);
    return await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
  } finally {
    win.destroy();
  }
}

async function writeOrSay(file: string, data: string | Buffer): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (error) {
    throw new UserError('record-not-saved', `Your learning record could not be saved as ${file} (${describeFsError(error)}); choose another folder and try again.`);
  }
}
