// A source editor tab: the file's text in CodeMirror with the engine's diagnostics as
// squiggles, and beside it the live preview of the lesson or scenario. Above them, when
// needed: the notice that the course stays as shipped (Save a Copy), and the conflict
// notice when the file changed on disk while it had unsaved edits (Keep Mine, Take
// Theirs, Compare). This module is loaded the first time a source tab opens.

import { useSelector } from '@xstate/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { EditorView } from '@codemirror/view';
import type { TabRef } from '../../../../../engine/api/studioApi';
import type { Diagnostic } from '../../../../../engine/course/diagnostics';
import { docKey } from '../../../state/authorMachine';
import { focusElement, useFocusable } from '../../../views/viewFocus';
import { useServices, useSession } from '../../../WorkbenchContext';
import { offerCopy, openSource } from '../authorCommands';
import { CodeEditor } from './CodeEditor';
import { CompareView } from './CompareView';
import { SourcePreview } from './SourcePreview';

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];

/** True when two diagnostic lists say the same. */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i] || JSON.stringify(d) === JSON.stringify(b[i]));
}

/** A file's source tab. */
export function SourceTab({ tab, active }: { tab: TabRef; active: boolean }) {
  const services = useServices();
  const key = docKey(tab.courseId, tab.itemId);
  const doc = useSelector(services.author, (s) => s.context.docs[key]);
  const readOnly = useSelector(services.author, (s) => s.context.packs[tab.courseId]?.tree?.readOnly ?? false);
  const diagnostics = useSelector(
    services.author,
    (s) => s.context.packs[tab.courseId]?.diagnostics?.filter((d) => d.file === tab.itemId) ?? NO_DIAGNOSTICS,
    sameDiagnostics,
  );
  const firstProblem = useSelector(services.author, (s) => s.context.packs[tab.courseId]?.diagnostics?.find((d) => d.severity === 'error'));
  const preview = useSelector(services.author, (s) => s.context.packs[tab.courseId]?.previews[tab.itemId]);
  const opened = useSession((s) => s.context.opened[tab.courseId]);
  const [comparing, setComparing] = useState(false);
  const view = useRef<EditorView | undefined>(undefined);
  // Changes the focus function once the editor exists, so a request waiting for it is answered then.
  const [hasView, setHasView] = useState(false);

  useFocusable(
    active ? 'editor' : undefined,
    useCallback(() => {
      if (view.current) {
        view.current.focus();
        return true;
      }
      return focusElement(document.querySelector<HTMLElement>(`[data-source-key="${CSS.escape(key)}"] button`));
    }, [key, hasView]),
  );

  const onChange = useCallback((text: string) => services.author.send({ type: 'EDIT', key, text }), [services, key]);
  const onView = useCallback((v: EditorView | undefined) => {
    view.current = v;
    setHasView(v !== undefined);
  }, []);
  const goTo = useCallback(
    (d: Diagnostic) => void openSource(services, { courseId: tab.courseId, path: d.file, line: d.line, column: d.column }),
    [services, tab.courseId],
  );
  const assetBase = opened?.assetBase ?? (services.platform() === 'web' ? `/course/${tab.courseId}/` : `hcs://course/${tab.courseId}/`);
  const previewable = useMemo(() => /\.md$/i.test(tab.itemId) || (/\.ya?ml$/i.test(tab.itemId) && !/(^|\/)(course|module)\.ya?ml$/.test(tab.itemId)), [tab.itemId]);

  if (!doc || doc.status === 'loading') return <p className="wb-loading">Opening {tab.itemId}…</p>;
  if (doc.status === 'failed') {
    return (
      <div className="wb-source-failed" data-source-key={key}>
        <p role="alert">{doc.error}</p>
        <button type="button" className="wb-button" onClick={() => services.author.send({ type: 'OPEN_DOC', courseId: tab.courseId, path: tab.itemId })}>
          Try again
        </button>
      </div>
    );
  }

  const conflict = doc.conflict;
  return (
    <div className="wb-source" data-source-key={key}>
      {readOnly && (
        <div className="wb-source-note" role="note">
          <p>This course is installed with Health Creation Studio and stays as shipped, so this file cannot be changed here.</p>
          <button type="button" className="wb-button" onClick={() => void offerCopy(services, tab.courseId)}>
            Save a Copy to Edit
          </button>
        </div>
      )}
      {conflict && (
        <div className="wb-conflict" role="alert" aria-label="Conflict">
          <p>{conflict.message}</p>
          <p className="wb-conflict-actions">
            <button type="button" className="wb-button wb-button-primary" onClick={() => services.author.send({ type: 'KEEP_MINE', key })}>
              Keep Mine
            </button>
            <button type="button" className="wb-button" onClick={() => services.author.send({ type: 'TAKE_THEIRS', key })}>
              {conflict.disk ? 'Take Theirs' : 'Take the Deletion'}
            </button>
            {conflict.disk && (
              <button type="button" className="wb-button" aria-expanded={comparing} onClick={() => setComparing((c) => !c)}>
                {comparing ? 'Hide Comparison' : 'Compare'}
              </button>
            )}
          </p>
        </div>
      )}
      {conflict?.disk && comparing && <CompareView path={tab.itemId} mine={doc.text} theirs={conflict.disk.text} />}
      {doc.error && !conflict && (
        <p className="wb-source-error" role="alert">
          {doc.error}
        </p>
      )}
      <div className={`wb-source-split${previewable ? '' : ' wb-source-alone'}`}>
        <div className="wb-source-editor">
          <CodeEditor
            docKey={key}
            path={tab.itemId}
            text={doc.text}
            revision={doc.revision}
            readOnly={readOnly}
            diagnostics={diagnostics}
            onChange={onChange}
            onView={onView}
          />
        </div>
        {previewable && (
          <SourcePreview
            courseId={tab.courseId}
            path={tab.itemId}
            preview={preview}
            firstProblem={firstProblem}
            course={opened?.course}
            assetBase={assetBase}
            onGoToProblem={goTo}
          />
        )}
      </div>
    </div>
  );
}
