import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordPages } from '../../../main/web/recordPages';
import type { LearningRecordDocument } from '../../../main/services/recordWriter';

const record: LearningRecordDocument = { html: '<!doctype html><title>r</title>', baseName: 'Learning record - Asha - Course - 2026-03-09', learnerName: 'Asha', courseTitle: 'Course' };

describe('browser mode’s learning records', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hcs-records-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps each export as a file of its own, never over an earlier one, and serves it by a random id', async () => {
    const pages = createRecordPages(path.join(dir, 'records'));
    const first = await pages.writer(record);
    const second = await pages.writer(record);
    expect(path.basename(first!.htmlPath)).toBe('Learning record - Asha - Course - 2026-03-09.html');
    expect(path.basename(second!.htmlPath)).toBe('Learning record - Asha - Course - 2026-03-09 (2).html');
    expect(await readFile(first!.htmlPath, 'utf8')).toBe(record.html);
    const id = /^\/record\/([^#]+)#print$/.exec(second!.viewUrl!)![1]!;
    expect(pages.fileOf(id)).toBe(second!.htmlPath);
  });

  it('says where and why a record could not be saved when a file stands where its folder goes', async () => {
    const records = path.join(dir, 'records');
    await writeFile(records, 'not a folder');
    await expect(createRecordPages(records).writer(record)).rejects.toMatchObject({
      code: 'record-not-saved',
      message: `Your learning record could not be saved in ${records} (a file is in the way); free some space or check that folder, then try again.`,
    });
  });
});
