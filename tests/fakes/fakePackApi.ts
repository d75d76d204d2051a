// A Studio API over one in-memory course pack, for the author machine's tests: files
// with version stamps, saves refused when the disk moved on, a check that reports a
// problem for every `titel:` (the typo) in the text it is given, and a change feed the
// test pushes to, as the back end's watcher would.

import { fail, ok, type ApiResult, type PackChangeFeed, type PackCheckRequest, type StudioApi } from '../../engine/api/studioApi';
import { createForwardingApi } from '../../engine/api/forwardingApi';
import type { Diagnostic } from '../../engine/course/diagnostics';

/** The fake and what a test does to it. */
export interface FakePackApi {
  api: StudioApi;
  /** The pack's files as on disk. */
  files: Map<string, string>;
  /** Every check asked for, with what it carried. */
  checks: PackCheckRequest[];
  /** Every write that reached the disk. */
  writes: Array<{ path: string; text: string }>;
  /** Another program changes (or, with undefined, deletes) a file: the disk changes and the feed reports it. */
  changeOnDisk(path: string, text: string | undefined): void;
}

/** A version stamp of a text, as the back end's hash stands for its bytes. */
export const versionOf = (text: string) => `v${text.length}:${[...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)}`;

/** Makes the fake over `files` in a pack with id `courseId`. */
export function fakePackApi(courseId: string, initial: Record<string, string>): FakePackApi {
  const files = new Map(Object.entries(initial));
  const checks: PackCheckRequest[] = [];
  const writes: FakePackApi['writes'] = [];
  let seq = 0;
  const pending: PackChangeFeed['changes'] = [];
  let wake: (() => void) | undefined;

  const problemsIn = (path: string, text: string): Diagnostic[] =>
    text.split('\n').flatMap((line, i) =>
      line.startsWith('titel:') ? [{ severity: 'error' as const, code: 'HCS006', file: path, line: i + 1, column: 1, message: 'unknown field `titel`' }] : [],
    );

  const answer = async (method: keyof StudioApi, args: readonly unknown[]): Promise<ApiResult<unknown>> => {
    const [a, b, c, d] = args as [string, string, string, string | null];
    if (a !== courseId && method !== 'waitForPackChanges') return fail('unknown-course', `There is no course with the id "${a}".`);
    switch (method) {
      case 'listPackFiles':
        return ok({ courseId, readOnly: false, root: { name: courseId, path: '', kind: 'folder', children: [...files.keys()].map((p) => ({ name: p, path: p, kind: 'file' })) } });
      case 'readPackFile': {
        const text = files.get(b);
        return text === undefined ? fail('not-found', `${b} is not in the course.`) : ok({ path: b, text, version: versionOf(text) });
      }
      case 'writePackFile': {
        const now = files.get(b);
        const at = now === undefined ? null : versionOf(now);
        if (at !== d) return ok({ kind: 'conflict', path: b, ...(now === undefined ? {} : { disk: { text: now, version: at! } }), message: `${b} changed on disk.` });
        files.set(b, c);
        writes.push({ path: b, text: c });
        return ok({ kind: 'written', path: b, version: versionOf(c) });
      }
      case 'checkPack': {
        const request = b as unknown as PackCheckRequest;
        checks.push(request);
        const text = new Map(files);
        for (const buffer of request.buffers) text.set(buffer.path, buffer.text);
        const diagnostics = [...text].flatMap(([path, t]) => problemsIn(path, t));
        return ok({ courseId, diagnostics, previews: request.preview.map((path) => ({ path, stale: diagnostics.length > 0 })), ms: 1 });
      }
      case 'waitForPackChanges': {
        if (pending.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const changes = pending.splice(0, pending.length);
        return ok({ seq, changes, reset: false });
      }
      default:
        return fail('not-in-fake', `${method} is not part of this fake.`);
    }
  };

  return {
    api: createForwardingApi((method, args) => answer(method, args)),
    files,
    checks,
    writes,
    changeOnDisk(path, text) {
      if (text === undefined) files.delete(path);
      else files.set(path, text);
      seq++;
      pending.push({ courseId, path, exists: text !== undefined });
      wake?.();
      wake = undefined;
    },
  };
}
