// SCORM export runs in the background while the export dialog polls its progress. The
// exporter itself is injected so the service works (and says so) in a build without it.

import { randomUUID } from 'node:crypto';
import type { ExportJob, ExportRequest } from '../../engine/api/studioApi';
import { UserError } from './userError';

/** One step of an export, reported to the progress bar. */
export interface ExportProgress {
  done: number;
  total: number;
  message: string;
}

/** What a finished export produced. */
export interface ExportOutcome {
  outPath: string;
  bytes: number;
  warnings: string[];
}

/** Writes a SCORM package for `request` to `request.outPath`. */
export type ScormExporter = (
  request: ExportRequest & { outPath: string },
  onProgress: (progress: ExportProgress) => void,
) => Promise<ExportOutcome>;

/** Runs exports and keeps their state for polling. */
export class ExportJobs {
  readonly #jobs = new Map<string, ExportJob>();

  constructor(
    private readonly exporter: ScormExporter,
    private readonly log: (error: unknown) => void = () => undefined,
  ) {}

  /** Starts an export and returns its job at once. */
  start(request: ExportRequest & { outPath: string }): ExportJob {
    const job: ExportJob = { jobId: randomUUID(), state: 'running', done: 0, total: 1, message: 'Starting the export.', outPath: request.outPath, warnings: [] };
    this.#jobs.set(job.jobId, job);
    const update = (patch: Partial<ExportJob>) => this.#jobs.set(job.jobId, { ...this.#jobs.get(job.jobId)!, ...patch });
    void this.exporter(request, (p) => update({ done: p.done, total: p.total, message: p.message })).then(
      (outcome) =>
        update({
          state: 'done',
          done: this.#jobs.get(job.jobId)!.total,
          message: `The package was written to ${outcome.outPath}.`,
          outPath: outcome.outPath,
          bytes: outcome.bytes,
          warnings: outcome.warnings,
        }),
      (error: unknown) => {
        if (!(error instanceof UserError)) this.log(error);
        update({
          state: 'failed',
          message: error instanceof UserError ? error.message : 'The export failed unexpectedly, so the package may be incomplete; do not upload it.',
        });
      },
    );
    return { ...job };
  }

  /** The job's current state, or a sentence when there is no such job. */
  status(jobId: string): ExportJob {
    const job = this.#jobs.get(jobId);
    if (!job) throw new UserError('unknown-job', `There is no export with the id "${jobId}"; it may have been started before the app restarted.`);
    return { ...job, warnings: [...job.warnings] };
  }
}
