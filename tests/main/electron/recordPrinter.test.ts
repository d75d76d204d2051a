import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecordPrinter, PRINT_PARTITION } from '../../../main/recordPrinter';
import { tempDir } from '../tempDir';
import { FakeBrowserWindow, fakeElectron } from './fakeElectron';

const record = { html: '<!doctype html><title>Record</title><p>Asha</p>', baseName: 'Learning record - Asha - Health Creation in Practice - 2026-03-01', learnerName: 'Asha', courseTitle: 'Health Creation in Practice' };

beforeEach(() => {
  FakeBrowserWindow.created.length = 0;
});

function printer(dir: string, answer: { canceled: boolean; filePath?: string }) {
  const electron = fakeElectron();
  electron.dialog.showSaveDialog.mockImplementation(async () => answer);
  const write = createRecordPrinter({ BrowserWindow: FakeBrowserWindow as never, dialog: electron.dialog as never, defaultDir: dir });
  return { write, dialog: electron.dialog };
}

describe('the desktop record printer', () => {
  it('offers the Documents folder and a name naming the learner and course, then writes the HTML copy and the PDF printed from it', async () => {
    const dir = await tempDir();
    const chosen = path.join(dir, 'My record.pdf');
    const { write, dialog } = printer(dir, { canceled: false, filePath: chosen });
    const files = await write(record);
    expect(dialog.showSaveDialog.mock.calls[0]!.at(-1)).toMatchObject({
      defaultPath: path.join(dir, `${record.baseName}.pdf`),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
    expect(files).toEqual({ pdfPath: chosen, htmlPath: path.join(dir, 'My record.html') });
    expect(await readFile(path.join(dir, 'My record.html'), 'utf8')).toBe(record.html);
    expect(await readFile(chosen, 'utf8')).toBe('%PDF-1.7 stand-in');
  });

  it('prints in a hidden window of its own that runs no script, with the A4 pages the record’s stylesheet sets, then closes it', async () => {
    const dir = await tempDir();
    const { write } = printer(dir, { canceled: false, filePath: path.join(dir, 'record.pdf') });
    await write(record);
    const [win] = FakeBrowserWindow.created.filter((w) => w.options.show === false);
    expect(win!.options.webPreferences).toMatchObject({ partition: PRINT_PARTITION, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win!.options.webPreferences).not.toHaveProperty('preload');
    expect(win!.loadFile).toHaveBeenCalledWith(path.join(dir, 'record.html'));
    expect(win!.webContents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true });
    expect(win!.destroy).toHaveBeenCalled();
  });

  it('adds .pdf to a name chosen without it', async () => {
    const dir = await tempDir();
    const { write } = printer(dir, { canceled: false, filePath: path.join(dir, 'evidence') });
    expect(await write(record)).toEqual({ pdfPath: path.join(dir, 'evidence.pdf'), htmlPath: path.join(dir, 'evidence.html') });
  });

  it('writes nothing when the learner cancels', async () => {
    const dir = await tempDir();
    const { write } = printer(dir, { canceled: true });
    expect(await write(record)).toBeUndefined();
    expect(FakeBrowserWindow.created).toEqual([]);
  });

  it('says where the HTML copy is when printing fails, and closes the window', async () => {
    const dir = await tempDir();
    class FailingWindow extends FakeBrowserWindow {
      override webContents = { printToPDF: vi.fn((_options: Record<string, unknown>) => Promise.reject<Buffer<ArrayBuffer>>(new Error('Printing failed'))) };
    }
    const electron = fakeElectron();
    electron.dialog.showSaveDialog.mockImplementation(async () => ({ canceled: false, filePath: path.join(dir, 'record.pdf') }));
    const write = createRecordPrinter({ BrowserWindow: FailingWindow as never, dialog: electron.dialog as never, defaultDir: dir });
    await expect(write(record)).rejects.toThrow(`Your learning record could not be printed to PDF (Printing failed); its HTML copy is saved as ${path.join(dir, 'record.html')}.`);
    expect(FakeBrowserWindow.created[0]!.destroy).toHaveBeenCalled();
  });

  it('says in a sentence when the chosen folder cannot be written', async () => {
    const dir = await tempDir();
    const { write } = printer(dir, { canceled: false, filePath: path.join(dir, 'no-such-folder', 'record.pdf') });
    await expect(write(record)).rejects.toThrow(
      `Your learning record could not be saved as ${path.join(dir, 'no-such-folder', 'record.html')} (the folder does not exist); choose another folder and try again.`,
    );
  });
});
