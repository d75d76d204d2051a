// The export dialog: choose the LMS, the SCORM version and how the course is split
// into SCOs, start the export, and follow it on a progress bar until it is written.
// Choosing the LMS picks the cut it can play (Open edX plays one SCO only) and says
// why before the export, so an administrator never uploads a package that cannot work.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ExportJob, ScormStandard } from '../../../../engine/api/studioApi';
import { LMS_PROFILES, lmsProfile, scoModeProblem, type LmsId } from '../../../../engine/scorm/lmsProfiles';
import { Dialog } from '../../parts/Dialog';
import { useOverlay, useServices, useSession } from '../../WorkbenchContext';

const POLL_MS = 250;

/** The export dialog for the overlay's course. */
export function ExportDialog() {
  const services = useServices();
  const id = useId();
  const courseId = useOverlay((s) => s.context.exportCourseId) ?? '';
  const course = useSession((s) => s.context.courses.find((c) => c.id === courseId));
  const [lms, setLms] = useState<LmsId>('generic');
  const [standard, setStandard] = useState<ScormStandard>('scorm12');
  const [sco, setSco] = useState<'module' | 'course'>('module');
  const unplayable = scoModeProblem(lms, sco);
  const [job, setJob] = useState<ExportJob>();
  const [error, setError] = useState<string>();
  const timer = useRef<number | undefined>(undefined);
  const close = () => services.overlay.send({ type: 'CLOSE' });

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const poll = (jobId: string) => {
    timer.current = window.setTimeout(async () => {
      const status = await services.api.exportStatus(jobId);
      if (!status.ok) return setError(status.error.message);
      setJob(status.value);
      if (status.value.state === 'running') poll(jobId);
    }, POLL_MS);
  };

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const started = await services.api.startExport({ courseId, standard, sco, lms });
    if (!started.ok) return setError(started.error.message);
    setJob(started.value);
    if (started.value.state === 'running') poll(started.value.jobId);
  };

  const running = job?.state === 'running';
  return (
    <Dialog title={`Export ${course?.title ?? courseId} as SCORM`} onClose={close}>
      <form className="wb-form" onSubmit={start}>
        <label className="wb-form-field">
          For
          <select
            value={lms}
            disabled={running}
            onChange={(event) => {
              const chosen = lmsProfile(event.target.value);
              if (!chosen) return;
              setLms(chosen.id);
              setSco(chosen.defaultSco);
            }}
          >
            {LMS_PROFILES.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === 'generic' ? 'Any SCORM LMS' : p.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset disabled={running}>
          <legend>SCORM version</legend>
          <label>
            <input type="radio" name={`${id}-standard`} checked={standard === 'scorm12'} onChange={() => setStandard('scorm12')} /> SCORM 1.2 (most LMSs)
          </label>
          <label>
            <input type="radio" name={`${id}-standard`} checked={standard === 'scorm2004'} onChange={() => setStandard('scorm2004')} /> SCORM 2004 4th edition
          </label>
        </fieldset>
        <fieldset disabled={running}>
          <legend>Package as</legend>
          <label>
            <input type="radio" name={`${id}-sco`} checked={sco === 'module'} onChange={() => setSco('module')} /> One activity per module (gradebooks see each module)
          </label>
          <label>
            <input type="radio" name={`${id}-sco`} checked={sco === 'course'} onChange={() => setSco('course')} /> One activity for the whole course
          </label>
          {unplayable && (
            <p className="wb-form-warning" role="note">
              {unplayable.problem}. Choose one activity for the whole course.
            </p>
          )}
        </fieldset>
        <button type="submit" className="wb-button wb-button-primary" disabled={running}>
          {job && !running ? 'Export again' : 'Export'}
        </button>
      </form>
      {job && (
        <div className="wb-export-status">
          <progress max={Math.max(job.total, 1)} value={job.done} aria-labelledby={`${id}-message`} />
          <p id={`${id}-message`} role="status">
            {job.state === 'done' && job.outPath ? (
              <>
                Saved to <code>{job.outPath}</code>
                {job.bytes !== undefined && ` (${Math.max(1, Math.round(job.bytes / 1024))} KB)`}.
              </>
            ) : (
              job.message
            )}
          </p>
          {job.warnings.length > 0 && (
            <ul aria-label="Export warnings">
              {job.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p className="wb-form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
