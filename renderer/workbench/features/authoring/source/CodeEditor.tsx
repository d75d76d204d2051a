// One CodeMirror view for one open file. The author machine holds the text; the view
// sends each change to it, takes text replaced from outside (the disk, Take Theirs)
// when the doc's revision moves, shows the engine's diagnostics as squiggles, and puts
// the caret where the Problems view, F8 or the Scenario Graph asks (reveal.ts).

import { useEffect, useRef } from 'react';
import { EditorView } from '@codemirror/view';
import type { Diagnostic } from '../../../../../engine/course/diagnostics';
import { setCaret } from '../authorSelection';
import { onReveal, placeIn } from '../reveal';
import { editorExtensions, offsetOf, showDiagnostics } from './editorSetup';

/** Props of a source editor. */
export interface CodeEditorProps {
  docKey: string;
  path: string;
  text: string;
  /** Bumped when the text was replaced from outside the editor. */
  revision: number;
  readOnly: boolean;
  diagnostics: readonly Diagnostic[];
  onChange: (text: string) => void;
  /** Receives the view once made, so the tab can focus it. */
  onView?: (view: EditorView | undefined) => void;
}

/** The editor of one file. */
export function CodeEditor({ docKey, path, text, revision, readOnly, diagnostics, onChange, onView }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(undefined);
  const change = useRef(onChange);
  change.current = onChange;

  // One view for the life of the tab (or until it becomes read-only or writable).
  useEffect(() => {
    const made = new EditorView({
      parent: host.current!,
      doc: text,
      extensions: editorExtensions({
        path,
        text,
        readOnly,
        onChange: (t) => change.current(t),
        onCaret: (line, column) => setCaret(docKey, line, column),
      }),
    });
    view.current = made;
    onView?.(made);
    const stop = onReveal(docKey, (request) => {
      const place = placeIn(made.state.doc.toString(), request);
      const at = offsetOf(made.state.doc, place.line, place.column);
      made.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      // A file that finishes opening after a dialog or Quick Open appeared leaves focus with them.
      if (!document.activeElement?.closest('[aria-modal="true"]')) made.focus();
    });
    return () => {
      stop();
      onView?.(undefined);
      made.destroy();
      view.current = undefined;
    };
    // The text at creation only; later text arrives through `revision`.
  }, [docKey, path, readOnly]);

  // Text replaced from outside: the disk's, after Take Theirs or a clean file changed elsewhere.
  useEffect(() => {
    const v = view.current;
    if (!v || v.state.doc.toString() === text) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
    // Only `revision` says the text came from outside; the author's own typing is already in the view.
  }, [revision]);

  useEffect(() => {
    if (view.current) showDiagnostics(view.current, diagnostics);
  }, [diagnostics]);

  return <div className="wb-code-editor" ref={host} />;
}
