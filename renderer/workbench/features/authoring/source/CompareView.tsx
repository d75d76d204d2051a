// Compare, from the conflict notice: the author's text and the disk's side by side,
// with the differences marked (CodeMirror's merge view), both read-only here; the
// author settles the conflict with Keep Mine or Take Theirs.

import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { MergeView } from '@codemirror/merge';

/** Both versions of a file side by side. */
export function CompareView({ path, mine, theirs }: { path: string; mine: string; theirs: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const side = (label: string) => [
      EditorState.readOnly.of(true),
      EditorView.editable.of(false),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
    ];
    const merge = new MergeView({
      a: { doc: mine, extensions: side(`Your version of ${path}`) },
      b: { doc: theirs, extensions: side(`The version of ${path} on disk`) },
      parent: host.current!,
      // Long stretches that are the same are folded away, so the differences are what shows.
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
    return () => merge.destroy();
  }, [path, mine, theirs]);
  return (
    <section className="wb-compare" aria-label={`Compare your version of ${path} with the one on disk`}>
      <p className="wb-compare-heads" aria-hidden="true">
        <span>Yours</span>
        <span>On disk</span>
      </p>
      <div ref={host} />
    </section>
  );
}
