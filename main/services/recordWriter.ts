// Where an exported learning record goes differs between the desktop app, which prints
// the PDF itself with Chromium (main/recordPrinter.ts), and browser mode, which keeps
// the HTML and lets the learner's own browser print it (main/web/recordPages.ts). Both
// receive the same document, built by engine/record from the course and the progress.

import type { LearningRecordFiles } from '../../engine/api/studioApi';
import { fileNamePart } from './fileNames';

/** A learning record ready to be written. */
export interface LearningRecordDocument {
  /** The whole record as one HTML document, print stylesheet included. */
  html: string;
  /** A file name without its extension, naming the learner, the course and the day. */
  baseName: string;
  learnerName: string;
  courseTitle: string;
}

/** Writes a record's files; undefined when the learner cancelled choosing where. */
export type RecordWriter = (record: LearningRecordDocument) => Promise<LearningRecordFiles | undefined>;

/** "Learning record - Asha Patel - Health Creation in Practice - 2026-03-01". */
export function recordBaseName(learnerName: string, courseTitle: string, at: Date): string {
  const day = at.toISOString().slice(0, 10);
  return ['Learning record', fileNamePart(learnerName, 40) || 'learner', fileNamePart(courseTitle, 60) || 'course', day].join(' - ');
}
