// What an author has open: the course packs they work on (each with its file tree, its
// diagnostics and the previews beside its source tabs) and the files open in source
// tabs (each with the text on disk, the editor's text and whether the two differ). The
// requests run in child actors; a long poll (watchDisk) brings changes made on disk by
// other programs, which re-read clean files, raise a conflict for edited ones and check
// the pack again. Checks run as the author types: a pause of CHECK_DELAY_MS starts one,
// one at a time per pack, carrying every unsaved text of that pack, so the Problems view
// and the previews follow the text in the editors rather than the files on disk.

import { assign, enqueueActions, fromCallback, setup, stopChild } from 'xstate';
import type {
  ApiResult,
  PackChangeFeed,
  PackCheck,
  PackFileText,
  PackPreview,
  PackTree,
  PackWriteOutcome,
  StudioApi,
} from '../../../engine/api/studioApi';
import type { Diagnostic } from '../../../engine/course/diagnostics';

/**
 * Pause in typing after which a pack is checked again, in milliseconds. Short: a check of
 * a shipped course takes a few milliseconds and only one runs at a time per pack, so the
 * pause only has to gather a burst (a paste, a held key), not ordinary typing.
 */
export const CHECK_DELAY_MS = 30;
/** How long one long poll for changes on disk waits before asking again, in milliseconds. */
export const WATCH_WAIT_MS = 25_000;
/** Pause before asking again after the back end did not answer (it may be restarting). */
const WATCH_RETRY_MS = 2_000;

/** The key of a file open in a source tab. */
export function docKey(courseId: string, path: string): string {
  return `${courseId}/${path}`;
}

/** A file the author changed on disk elsewhere while it was open here. */
export interface DocConflict {
  message: string;
  /** The file on disk now; absent when it was deleted. */
  disk?: { text: string; version: string };
}

/** A file open in a source tab. */
export interface SourceDoc {
  courseId: string;
  path: string;
  status: 'loading' | 'ready' | 'failed';
  /** The text as it is on disk (as last read or saved), and its version. */
  saved: string;
  version: string | null;
  /** The editor's text. */
  text: string;
  saving: boolean;
  conflict?: DocConflict;
  /** Why the file could not be read, or the last save failed. */
  error?: string;
  /** Counts replacements of the text from outside the editor (taken from disk), so the editor knows to take it. */
  revision: number;
}

/** True when the editor holds text that is not on disk. */
export function isDirty(doc: SourceDoc | undefined): boolean {
  return doc !== undefined && doc.status === 'ready' && doc.text !== doc.saved;
}

/** One course pack the author works on. */
export interface AuthorPack {
  tree?: PackTree;
  treeError?: string;
  /** Every diagnostic of the pack as it reads now, editors' text included; absent before the first check. */
  diagnostics?: Diagnostic[];
  previews: Record<string, PackPreview>;
  checkError?: string;
  checking: boolean;
  /** A check was asked for while one ran: run again when it ends. */
  again: boolean;
  /** Checks answered so far (the benchmark and tests watch it). */
  checks: number;
}

/** What the author machine knows. */
export interface AuthorContext {
  api: StudioApi;
  packs: Record<string, AuthorPack>;
  docs: Record<string, SourceDoc>;
  /** The last change number the watcher has seen. */
  seq: number;
  /** Numbers the request actors, so each has its own id. */
  requests: number;
}

/** Events the workbench sends. */
export type AuthorCommand =
  | { type: 'TRACK_PACK'; courseId: string }
  | { type: 'REFRESH_TREE'; courseId: string }
  | { type: 'CHECK'; courseId: string }
  | { type: 'OPEN_DOC'; courseId: string; path: string }
  | { type: 'EDIT'; key: string; text: string }
  | { type: 'SAVE'; key: string }
  | { type: 'CLOSE_DOC'; key: string }
  | { type: 'KEEP_MINE'; key: string }
  | { type: 'TAKE_THEIRS'; key: string };

/** Answers of the request actors. */
type AuthorReply =
  | { type: 'RUN_CHECK'; courseId: string }
  | { type: 'TREE'; child: string; courseId: string; result: ApiResult<PackTree> }
  | { type: 'CHECKED'; child: string; courseId: string; result: ApiResult<PackCheck> }
  | { type: 'DOC_READ'; child: string; key: string; result: ApiResult<PackFileText>; fromDisk: boolean }
  | { type: 'DOC_WRITTEN'; child: string; key: string; text: string; result: ApiResult<PackWriteOutcome> }
  | { type: 'DISK_CHANGES'; feed: PackChangeFeed };

/** Everything the author machine reacts to. */
export type AuthorEvent = AuthorCommand | AuthorReply;

/** What the author machine tells the workbench. */
export type AuthorEmitted =
  | { type: 'notice'; level: 'info' | 'error'; message: string }
  /** Files changed on disk (here or elsewhere): the learner's courses should be read again. */
  | { type: 'coursesChanged' }
  /** A doc was closed by the machine (the file was deleted on disk and the author took that). */
  | { type: 'docClosed'; courseId: string; path: string };

const readDoc = fromCallback<AuthorEvent, { api: StudioApi; child: string; key: string; courseId: string; path: string; fromDisk: boolean }>(({ input, sendBack }) => {
  void input.api.readPackFile(input.courseId, input.path).then((result) => sendBack({ type: 'DOC_READ', child: input.child, key: input.key, result, fromDisk: input.fromDisk }));
});

const writeDoc = fromCallback<AuthorEvent, { api: StudioApi; child: string; key: string; courseId: string; path: string; text: string; base: string | null }>(
  ({ input, sendBack }) => {
    void input.api
      .writePackFile(input.courseId, input.path, input.text, input.base)
      .then((result) => sendBack({ type: 'DOC_WRITTEN', child: input.child, key: input.key, text: input.text, result }));
  },
);

const listTree = fromCallback<AuthorEvent, { api: StudioApi; child: string; courseId: string }>(({ input, sendBack }) => {
  void input.api.listPackFiles(input.courseId).then((result) => sendBack({ type: 'TREE', child: input.child, courseId: input.courseId, result }));
});

const checkPack = fromCallback<AuthorEvent, { api: StudioApi; child: string; courseId: string; docs: SourceDoc[] }>(({ input, sendBack }) => {
  const mine = input.docs.filter((d) => d.courseId === input.courseId && d.status === 'ready');
  const request = { buffers: mine.filter(isDirty).map((d) => ({ path: d.path, text: d.text })), preview: mine.map((d) => d.path) };
  void input.api.checkPack(input.courseId, request).then((result) => sendBack({ type: 'CHECKED', child: input.child, courseId: input.courseId, result }));
});

/** Asks for changes on disk, again and again, for as long as the machine runs. */
const watchDisk = fromCallback<AuthorEvent, { api: StudioApi; since: number }>(({ input, sendBack }) => {
  let stopped = false;
  let since = input.since;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const poll = async (): Promise<void> => {
    while (!stopped) {
      const answer = await input.api.waitForPackChanges(since, WATCH_WAIT_MS);
      if (stopped) return;
      if (!answer.ok) {
        // A back end without authoring (an LMS) has nothing to watch; one that did not answer may be back soon.
        if (answer.error.code !== 'network' && answer.error.code !== 'bad-response') return;
        await new Promise<void>((resolve) => (retry = setTimeout(resolve, WATCH_RETRY_MS)));
        continue;
      }
      since = answer.value.seq;
      if (answer.value.reset || answer.value.changes.length > 0) sendBack({ type: 'DISK_CHANGES', feed: answer.value });
    }
  };
  void poll();
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
  };
});

/** True when two values (answers of the back end, plain data) are the same. */
function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

/** The new preview, keeping the old one's item when it did not change: the player then renders nothing again. */
function samePreview(old: PackPreview | undefined, next: PackPreview): PackPreview {
  if (!old?.item || !next.item || !sameJson(old.item, next.item)) return next;
  return old.stale === next.stale ? old : { ...next, item: old.item };
}

const emptyPack = (): AuthorPack => ({ previews: {}, checking: false, again: false, checks: 0 });

/** The author machine over the Studio API. */
export const authorMachine = setup({
  types: {
    context: {} as AuthorContext,
    events: {} as AuthorEvent,
    input: {} as { api: StudioApi },
    emitted: {} as AuthorEmitted,
  },
  actors: { readDoc, writeDoc, listTree, checkPack, watchDisk },
  actions: {
    /** Starts a check of the pack now, instead of any waiting for a pause in typing. */
    checkNow: enqueueActions(({ enqueue }, courseId: string) => {
      enqueue.cancel(`check:${courseId}`);
      enqueue.raise({ type: 'RUN_CHECK', courseId });
    }),
    /** Starts a check of the pack after a pause in typing; a newer request restarts the pause. */
    checkSoon: enqueueActions(({ enqueue }, courseId: string) => {
      enqueue.cancel(`check:${courseId}`);
      enqueue.raise({ type: 'RUN_CHECK', courseId }, { delay: CHECK_DELAY_MS, id: `check:${courseId}` });
    }),
    fetchTree: enqueueActions(({ context, enqueue }, courseId: string) => {
      const child = `tree:${context.requests}`;
      enqueue.assign({ requests: context.requests + 1 });
      enqueue.spawnChild('listTree', { id: child, input: { api: context.api, child, courseId } });
    }),
    readFile: enqueueActions(({ context, enqueue }, params: { key: string; fromDisk: boolean }) => {
      const doc = context.docs[params.key];
      if (!doc) return;
      const child = `read:${context.requests}`;
      enqueue.assign({ requests: context.requests + 1 });
      enqueue.spawnChild('readDoc', { id: child, input: { api: context.api, child, key: params.key, courseId: doc.courseId, path: doc.path, fromDisk: params.fromDisk } });
    }),
    writeFile: enqueueActions(({ context, enqueue }, params: { key: string; base: string | null }) => {
      const doc = context.docs[params.key];
      if (!doc || doc.saving) return;
      const child = `write:${context.requests}`;
      enqueue.assign({ requests: context.requests + 1, docs: { ...context.docs, [params.key]: { ...doc, saving: true } } });
      enqueue.spawnChild('writeDoc', {
        id: child,
        input: { api: context.api, child, key: params.key, courseId: doc.courseId, path: doc.path, text: doc.text, base: params.base },
      });
    }),
  },
}).createMachine({
  id: 'author',
  context: ({ input }) => ({ api: input.api, packs: {}, docs: {}, seq: 0, requests: 0 }),
  invoke: { src: 'watchDisk', input: ({ context }) => ({ api: context.api, since: context.seq }), id: 'watch' },
  on: {
    TRACK_PACK: {
      guard: ({ context, event }) => !context.packs[event.courseId],
      actions: [
        assign({ packs: ({ context, event }) => ({ ...context.packs, [event.courseId]: emptyPack() }) }),
        { type: 'fetchTree', params: ({ event }) => event.courseId },
        { type: 'checkSoon', params: ({ event }) => event.courseId },
      ],
    },
    REFRESH_TREE: { actions: { type: 'fetchTree', params: ({ event }) => event.courseId } },
    CHECK: { actions: { type: 'checkSoon', params: ({ event }) => event.courseId } },
    TREE: {
      actions: [
        stopChild(({ event }) => event.child),
        assign({
          packs: ({ context, event }) => {
            const pack = context.packs[event.courseId] ?? emptyPack();
            const next: AuthorPack = event.result.ok ? { ...pack, tree: event.result.value } : { ...pack, treeError: event.result.error.message };
            if (event.result.ok) delete next.treeError;
            return { ...context.packs, [event.courseId]: next };
          },
        }),
      ],
    },
    RUN_CHECK: {
      actions: enqueueActions(({ context, event, enqueue }) => {
        const pack = context.packs[event.courseId] ?? emptyPack();
        if (pack.checking) {
          enqueue.assign({ packs: { ...context.packs, [event.courseId]: { ...pack, again: true } } });
          return;
        }
        const child = `check:${context.requests}`;
        enqueue.assign({ requests: context.requests + 1, packs: { ...context.packs, [event.courseId]: { ...pack, checking: true, again: false } } });
        enqueue.spawnChild('checkPack', { id: child, input: { api: context.api, child, courseId: event.courseId, docs: Object.values(context.docs) } });
      }),
    },
    CHECKED: {
      actions: enqueueActions(({ context, event, enqueue }) => {
        enqueue.stopChild(event.child);
        const pack = context.packs[event.courseId] ?? emptyPack();
        const next: AuthorPack = { ...pack, checking: false, checks: pack.checks + 1 };
        if (event.result.ok) {
          next.diagnostics = sameJson(pack.diagnostics, event.result.value.diagnostics) ? pack.diagnostics : event.result.value.diagnostics;
          next.previews = Object.fromEntries(event.result.value.previews.map((p) => [p.path, samePreview(pack.previews[p.path], p)]));
          delete next.checkError;
        } else next.checkError = event.result.error.message;
        enqueue.assign({ packs: { ...context.packs, [event.courseId]: next } });
        if (pack.again) enqueue.raise({ type: 'RUN_CHECK', courseId: event.courseId });
      }),
    },
    OPEN_DOC: {
      actions: enqueueActions(({ context, event, enqueue }) => {
        const key = docKey(event.courseId, event.path);
        if (!context.packs[event.courseId]) enqueue.raise({ type: 'TRACK_PACK', courseId: event.courseId });
        const existing = context.docs[key];
        if (existing && existing.status !== 'failed') return;
        const doc: SourceDoc = { courseId: event.courseId, path: event.path, status: 'loading', saved: '', version: null, text: '', saving: false, revision: 0 };
        enqueue.assign({ docs: { ...context.docs, [key]: doc } });
        enqueue({ type: 'readFile', params: { key, fromDisk: false } });
      }),
    },
    DOC_READ: {
      actions: enqueueActions(({ context, event, enqueue }) => {
        enqueue.stopChild(event.child);
        const doc = context.docs[event.key];
        // A save under way settles the file itself (written, or a conflict with the disk's text).
        if (!doc || (event.fromDisk && doc.saving)) return;
        const result = event.result;
        let next: SourceDoc;
        if (!event.fromDisk) {
          next = result.ok
            ? { ...doc, status: 'ready', saved: result.value.text, text: result.value.text, version: result.value.version, revision: doc.revision + 1 }
            : { ...doc, status: 'failed', error: result.error.message };
          if (result.ok) delete next.error;
        } else if (!result.ok && result.error.code !== 'not-found') {
          return enqueue.emit({ type: 'notice', level: 'error', message: result.error.message });
        } else {
          // Read again because the file changed on disk: clean text follows the disk, edited text asks the author.
          const disk = result.ok ? { text: result.value.text, version: result.value.version } : undefined;
          if (disk?.version === doc.version) return;
          if (!isDirty(doc) && disk) {
            next = { ...doc, saved: disk.text, text: disk.text, version: disk.version, revision: doc.revision + 1 };
            delete next.conflict;
          } else {
            const message = disk
              ? `"${doc.path}" was changed on disk (by another editor, or git) while you were editing it here: keep your version, take the one on disk, or compare the two.`
              : `"${doc.path}" was deleted on disk while it was open here: keep your version to save it again, or take the deletion and close it.`;
            next = { ...doc, conflict: { message, ...(disk ? { disk } : {}) } };
          }
        }
        enqueue.assign({ docs: { ...context.docs, [event.key]: next } });
        // A change on disk is not typing: there is no pause to wait for.
        if (event.fromDisk) enqueue({ type: 'checkNow', params: doc.courseId });
        else enqueue({ type: 'checkSoon', params: doc.courseId });
      }),
    },
    EDIT: {
      guard: ({ context, event }) => context.docs[event.key]?.status === 'ready' && context.docs[event.key]?.text !== event.text,
      actions: enqueueActions(({ context, event, enqueue }) => {
        const doc = context.docs[event.key]!;
        enqueue.assign({ docs: { ...context.docs, [event.key]: { ...doc, text: event.text } } });
        enqueue({ type: 'checkSoon', params: doc.courseId });
      }),
    },
    SAVE: {
      guard: ({ context, event }) => context.docs[event.key]?.status === 'ready',
      actions: enqueueActions(({ context, event, enqueue }) => {
        const doc = context.docs[event.key]!;
        // A conflict is settled by Keep Mine or Take Theirs, never by saving over it.
        if (doc.conflict) return enqueue.emit({ type: 'notice', level: 'error', message: doc.conflict.message });
        enqueue({ type: 'writeFile', params: { key: event.key, base: doc.version } });
      }),
    },
    KEEP_MINE: {
      guard: ({ context, event }) => context.docs[event.key]?.conflict !== undefined,
      actions: enqueueActions(({ context, event, enqueue }) => {
        const doc = context.docs[event.key]!;
        const base = doc.conflict?.disk?.version ?? null;
        const { conflict: _settled, ...rest } = doc;
        enqueue.assign({ docs: { ...context.docs, [event.key]: { ...rest, version: base } } });
        enqueue({ type: 'writeFile', params: { key: event.key, base } });
      }),
    },
    TAKE_THEIRS: {
      guard: ({ context, event }) => context.docs[event.key]?.conflict !== undefined,
      actions: enqueueActions(({ context, event, enqueue }) => {
        const doc = context.docs[event.key]!;
        const disk = doc.conflict?.disk;
        const { conflict: _settled, ...rest } = doc;
        if (!disk) {
          const { [event.key]: _closed, ...docs } = context.docs;
          enqueue.assign({ docs });
          enqueue.emit({ type: 'docClosed', courseId: doc.courseId, path: doc.path });
        } else {
          enqueue.assign({ docs: { ...context.docs, [event.key]: { ...rest, saved: disk.text, text: disk.text, version: disk.version, revision: doc.revision + 1 } } });
        }
        enqueue({ type: 'checkSoon', params: doc.courseId });
      }),
    },
    DOC_WRITTEN: {
      actions: enqueueActions(({ context, event, enqueue }) => {
        enqueue.stopChild(event.child);
        const doc = context.docs[event.key];
        if (!doc) return;
        const result = event.result;
        let next: SourceDoc = { ...doc, saving: false };
        if (!result.ok) {
          next.error = result.error.message;
          enqueue.emit({ type: 'notice', level: 'error', message: result.error.message });
        } else if (result.value.kind === 'written') {
          // The text saved is what was sent; the author may have typed on meanwhile.
          // The watcher reports the write like any change on disk, and the courses are read again then.
          next = { ...next, saved: event.text, version: result.value.version };
          delete next.error;
        } else {
          next.conflict = { message: result.value.message, ...(result.value.disk ? { disk: result.value.disk } : {}) };
        }
        enqueue.assign({ docs: { ...context.docs, [event.key]: next } });
        enqueue({ type: 'checkSoon', params: doc.courseId });
      }),
    },
    CLOSE_DOC: {
      actions: enqueueActions(({ context, event, enqueue }) => {
        const doc = context.docs[event.key];
        if (!doc) return;
        const { [event.key]: _closed, ...docs } = context.docs;
        enqueue.assign({ docs });
        // Its unsaved text no longer stands in for the disk copy.
        enqueue({ type: 'checkSoon', params: doc.courseId });
      }),
    },
    DISK_CHANGES: {
      actions: enqueueActions(({ context, event, enqueue }) => {
        const { feed } = event;
        enqueue.assign({ seq: feed.seq });
        const courses = new Set([...feed.changes.map((c) => c.courseId), ...(feed.reset ? Object.keys(context.packs) : [])]);
        // A pack with an open file that changed is checked once that file is read again (DOC_READ).
        const rereading = new Set<string>();
        for (const [key, doc] of Object.entries(context.docs)) {
          const touched = feed.reset || feed.changes.some((c) => c.courseId === doc.courseId && (c.path === doc.path || doc.path.startsWith(`${c.path}/`)));
          if (touched && doc.status === 'ready') {
            enqueue({ type: 'readFile', params: { key, fromDisk: true } });
            rereading.add(doc.courseId);
          }
        }
        for (const courseId of courses) {
          if (!context.packs[courseId]) continue;
          enqueue({ type: 'fetchTree', params: courseId });
          if (!rereading.has(courseId)) enqueue({ type: 'checkNow', params: courseId });
        }
        enqueue.emit({ type: 'coursesChanged' });
      }),
    },
  },
});
