// Exporting the learner's record of the open course: what it holds, one button, and
// where the files went. The desktop app saves a PDF (and its HTML copy) where the
// learner chooses; in browser mode the record opens in a new tab with the browser's
// print dialog, where Save as PDF keeps it, and its HTML copy stays in the data folder.

import { useState } from 'react';
import type { LearningRecordFiles } from '../../../../engine/api/studioApi';
import { Dialog } from '../../parts/Dialog';
import { useOverlay, useServices, useSession } from '../../WorkbenchContext';

/** The learning record dialog for the overlay's course. */
export function RecordDialog() {
  const services = useServices();
  const courseId = useOverlay((s) => s.context.recordCourseId) ?? '';
  const course = useSession((s) => s.context.courses.find((c) => c.id === courseId));
  const learner = useSession((s) => s.context.learner?.name);
  const [files, setFiles] = useState<LearningRecordFiles>();
  const [blocked, setBlocked] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const close = () => services.overlay.send({ type: 'CLOSE' });
  const title = course?.title ?? courseId;

  const save = async () => {
    setBusy(true);
    setError(undefined);
    const task = await services.request({ kind: 'record', courseId });
    setBusy(false);
    if (task?.state === 'failed') return setError(task.message);
    if (task?.kind !== 'record' || task.state !== 'done') return;
    setFiles(task.files);
    if (task.files.viewUrl) {
      const tab = window.open(task.files.viewUrl, '_blank');
      if (tab) tab.opener = null;
      setBlocked(!tab);
    }
  };

  return (
    <Dialog title="Export my learning record" onClose={close}>
      <p>
        A record of {learner ? `${learner}\u2019s` : 'your'} study of <strong>{title}</strong> to keep or hand to an assessor: the course&rsquo;s level and outcomes,
        the modules completed and when, quiz results against the mastery score, scenario endings found, time spent and your reflections, with a certificate page once
        the course is complete.
      </p>
      {!files && (
        <button type="button" className="wb-button wb-button-primary" disabled={busy} onClick={() => void save()}>
          {busy ? 'Preparing your record…' : 'Save my learning record as PDF'}
        </button>
      )}
      {files && (
        <div role="status">
          {files.pdfPath && (
            <p>
              Saved as <code>{files.pdfPath}</code>, with an HTML copy beside it: <code>{files.htmlPath}</code>.
            </p>
          )}
          {files.viewUrl && (
            <>
              <p>
                {blocked ? 'Your browser did not open a new tab for the record; open it with the link below.' : 'Your record opened in a new tab, with the print dialog.'}{' '}
                Choose <strong>Save as PDF</strong> as the printer there to keep it as a PDF. Its HTML copy is saved as <code>{files.htmlPath}</code>.
              </p>
              <p>
                <a href={files.viewUrl} target="_blank" rel="noopener">
                  Open my learning record (new tab)
                </a>
              </p>
            </>
          )}
        </div>
      )}
      {files && (
        // The button that started the export is gone: focus lands here, so Escape and Tab go on working.
        <button type="button" className="wb-button wb-button-primary" autoFocus onClick={close}>
          Close
        </button>
      )}
      {error && (
        <p className="wb-form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
