// The source editor is CodeMirror 6, not Monaco. Both are accessible, but the app runs
// under a CSP without 'unsafe-eval' and with `worker-src 'self'`: Monaco's language
// services run in web workers built from blobs or eval'd bootstrap code, and monaco-yaml
// adds a worker of its own, so under this CSP Monaco would need either a policy hole or
// a custom worker build; it also weighs about 3 MB minified against CodeMirror's few
// hundred kilobytes, and the editor is fetched on first use. CodeMirror runs on the main
// thread with no eval, is a set of ES modules esbuild splits into the authoring chunk,
// and gives its content element a name and role a screen reader announces. The checks
// are the engine's own (the same diagnostics as the Problems view), shown as squiggles.

import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { yaml, yamlFrontmatter, yamlLanguage } from '@codemirror/lang-yaml';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, RangeSetBuilder, type Extension, type Text } from '@codemirror/state';
import {
  Decoration,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import type { Diagnostic } from '../../../../../engine/course/diagnostics';
import { keysFor, loadSchemas, type SchemaKey } from './schemaKeys';

/** What a source editor is made for: its file, whether it may change, and what to tell the workbench. */
export interface EditorOptions {
  path: string;
  text: string;
  readOnly: boolean;
  onChange: (text: string) => void;
  onCaret: (line: number, column: number) => void;
}

/** The language of a file: YAML, Markdown (lessons, with YAML front matter and quiz and reflection blocks) or plain text. */
function languageFor(path: string): Extension {
  if (/\.ya?ml$/i.test(path)) return yaml();
  if (/\.md$/i.test(path)) {
    // A lesson: YAML front matter, then Markdown whose quiz and reflection blocks are YAML.
    return yamlFrontmatter({ content: markdown({ codeLanguages: (info) => (info === 'quiz' || info === 'reflection' ? yamlLanguage : null) }) });
  }
  return [];
}

const blockLine = Decoration.line({ class: 'cm-hcs-block' });
const blockFence = Decoration.line({ class: 'cm-hcs-block cm-hcs-block-fence' });

/** Lines of quiz and reflection blocks in the visible part of a lesson, marked so they stand out from the prose. */
function blockDecorations(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const doc = view.state.doc;
  // A block's state depends on the fences above, so scan from the top; lessons are short.
  let inside = false;
  const last = doc.lineAt(view.viewport.to).number;
  for (let n = 1; n <= last; n++) {
    const line = doc.line(n);
    const opens = !inside && /^```(quiz|reflection)\s*$/.test(line.text);
    const closes = inside && /^```\s*$/.test(line.text);
    if (line.from >= view.viewport.from && (inside || opens)) builder.add(line.from, line.from, opens || closes ? blockFence : blockLine);
    if (opens) inside = true;
    else if (closes) inside = false;
  }
  return builder.finish();
}

const quizBlocks = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = blockDecorations(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = blockDecorations(update.view);
    }
  },
  { decorations: (v) => v.decorations },
);

/** Completes the keys the course format's JSON Schemas allow at the caret's indentation, with their descriptions. */
function schemaCompletion(path: string) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    await loadSchemas();
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const match = /^(\s*)(- )?([A-Za-z]*)$/.exec(before);
    if (!match) return null;
    const keys = keysFor(path, context.state.doc, line.number, (match[1] ?? '').length + (match[2] ? 2 : 0));
    if (keys.length === 0) return null;
    const options: Completion[] = keys.map((k) => ({ label: k.name, type: 'property', apply: `${k.name}: `, ...(k.description ? { info: k.description } : {}) }));
    return { from: context.pos - (match[3] ?? '').length, options, validFor: /^[A-Za-z]*$/ };
  };
}

/** Shows a key's description from the schema when the pointer rests on it. */
function schemaHover(path: string): Extension {
  return hoverTooltip(async (view, pos) => {
    await loadSchemas();
    const line = view.state.doc.lineAt(pos);
    const match = /^(\s*)(- )?([A-Za-z][A-Za-z0-9]*)\s*:/.exec(line.text);
    if (!match) return null;
    const start = line.from + (match[1] ?? '').length + (match[2] ? 2 : 0);
    const end = start + (match[3] ?? '').length;
    if (pos < start || pos > end) return null;
    const key: SchemaKey | undefined = keysFor(path, view.state.doc, line.number, start - line.from).find((k) => k.name === match[3]);
    if (!key?.description) return null;
    return {
      pos: start,
      end,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'cm-hcs-hover';
        dom.textContent = `${key.name}: ${key.description}`;
        return { dom };
      },
    };
  });
}

/** Every extension of a source editor. */
export function editorExtensions(options: EditorOptions): Extension[] {
  const { path } = options;
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    // Token classes (tok-*) the themes colour, so every theme keeps its contrast.
    syntaxHighlighting(classHighlighter),
    languageFor(path),
    quizBlocks,
    lintGutter(),
    autocompletion({ override: [schemaCompletion(path)] }),
    schemaHover(path),
    // Tab indents, as in every code editor; Escape then Tab leaves the editor (CodeMirror's own way out, announced by its help).
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
    EditorState.tabSize.of(2),
    EditorState.readOnly.of(options.readOnly),
    // tabindex: a read-only file can still be reached and scrolled from the keyboard (and axe finds the scroller's focusable content).
    EditorView.contentAttributes.of({ 'aria-label': `Source: ${path}`, tabindex: '0', ...(options.readOnly ? { 'aria-readonly': 'true' } : {}) }),
    EditorView.lineWrapping,
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange(update.state.doc.toString());
      if (update.selectionSet || update.docChanged) {
        const head = update.state.selection.main.head;
        const line = update.state.doc.lineAt(head);
        options.onCaret(line.number, head - line.from + 1);
      }
    }),
  ];
}

/** The offset of a 1-based line and column in a text, clamped to the text. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  return l.from + Math.min(Math.max(0, column - 1), l.length);
}

/** The engine's diagnostics of one file as CodeMirror's: from the place to the end of the word there (or the line). */
export function toEditorDiagnostics(doc: Text, diagnostics: readonly Diagnostic[]): CmDiagnostic[] {
  return diagnostics.map((d) => {
    const from = offsetOf(doc, d.line, d.column);
    const line = doc.lineAt(from);
    const rest = line.text.slice(from - line.from);
    const word = /^[^\s:,\]}]+/.exec(rest)?.[0].length ?? 0;
    const to = word > 0 ? from + word : Math.max(from, line.to);
    return { from, to, severity: d.severity === 'error' ? 'error' : 'warning', message: `${d.message} (${d.code})`, source: d.code };
  });
}

/** The transaction that shows diagnostics as squiggles. */
export function showDiagnostics(view: EditorView, diagnostics: readonly Diagnostic[]): void {
  view.dispatch(setDiagnostics(view.state, toEditorDiagnostics(view.state.doc, diagnostics)));
}
