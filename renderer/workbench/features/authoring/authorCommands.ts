// What the Author activity's commands do: make a course, module, lesson or scenario
// from the templates, rename and delete files, open a file at a place, save it (or a
// copy of a course that stays as shipped), and go to the next or previous problem.
// Every failure the back end reports is told to the author in its own sentence.

import type { TabRef } from '../../../../engine/api/studioApi';
import type { WorkbenchServices } from '../../services';
import { docKey, isDirty } from '../../state/authorMachine';
import { sameTab } from '../../state/layoutMachine';
import { focusView } from '../../views/viewFocus';
import { caretOf, currentSelection, selectProblem } from './authorSelection';
import { problemList, problemLabel, stepProblem } from './problemsModel';
import { requestReveal, type RevealRequest } from './reveal';

/** Where authoring commands act: the course pack of the workbench. */
export function authorPack(services: WorkbenchServices): string | undefined {
  const id = services.layout.getSnapshot().context.openCourseId;
  return id && services.session.getSnapshot().context.courses.some((c) => c.id === id) ? id : undefined;
}

/** Arguments of author.openSource: a file of a pack and, optionally, the place to show. */
export interface OpenSourceArgs {
  courseId: string;
  path: string;
  line?: number;
  column?: number;
  /** A pattern whose first matching line is the place, when no line is given. */
  find?: RegExp;
}

/** True when a value is OpenSourceArgs (commands receive their arguments unchecked). */
export function isOpenSourceArgs(value: unknown): value is OpenSourceArgs {
  const v = value as Partial<OpenSourceArgs> | undefined;
  return typeof v?.courseId === 'string' && typeof v.path === 'string' && v.path !== '' && (v.line === undefined || typeof v.line === 'number');
}

/** Opens (or shows) a file's source tab at a place, and puts the caret there. */
export async function openSource(services: WorkbenchServices, args: OpenSourceArgs): Promise<void> {
  const request: RevealRequest = {
    ...(args.line !== undefined ? { line: args.line } : {}),
    ...(args.column !== undefined ? { column: args.column } : {}),
    ...(args.find ? { find: args.find } : {}),
  };
  if (services.layout.getSnapshot().context.openCourseId !== args.courseId) services.layout.send({ type: 'OPEN_COURSE', courseId: args.courseId });
  await services.openTab({ courseId: args.courseId, kind: 'file', itemId: args.path });
  requestReveal(docKey(args.courseId, args.path), request);
  focusView('editor');
}

/** The module folder a new lesson or scenario goes in: the one selected in Files, or the active source file's, or the first. */
function moduleFolderFor(services: WorkbenchServices, courseId: string): string | undefined {
  const tree = services.author.getSnapshot().context.packs[courseId]?.tree;
  const modules = new Set<string>();
  const walk = (entry: { path: string; kind: string; children?: Array<{ name: string; path: string; kind: string; children?: unknown[] }> }) => {
    if (entry.children?.some((c) => c.name === 'module.yaml' && c.kind === 'file')) modules.add(entry.path);
    for (const child of entry.children ?? []) walk(child as typeof entry);
  };
  if (tree) walk(tree.root);
  const near = (path: string | undefined) => {
    for (let p = path; p; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : undefined) if (modules.has(p)) return p;
    return undefined;
  };
  const picked = currentSelection().file;
  const { tabs, activeTab } = services.layout.getSnapshot().context;
  const active = activeTab === undefined ? undefined : tabs[activeTab];
  return (
    (picked?.courseId === courseId ? near(picked.path) : undefined) ??
    (active?.kind === 'file' && active.courseId === courseId ? near(active.itemId) : undefined) ??
    [...modules].sort()[0]
  );
}

/** Shows the Author view on a pack (tracking it), after New Course or Save a Copy. */
function showPack(services: WorkbenchServices, courseId: string): void {
  services.layout.send({ type: 'OPEN_COURSE', courseId });
  services.layout.send({ type: 'SHOW_SIDE_BAR_VIEW', view: 'author' });
  services.author.send({ type: 'TRACK_PACK', courseId });
}

/** New Course: asks for a title, makes the course from the template in the author's courses folder, and opens its course.yaml. */
export async function newCourse(services: WorkbenchServices): Promise<void> {
  const answer = await services.ask({
    title: 'New Course',
    message: 'The course is made from the template in your courses folder (Documents, Health Creation Studio, Courses) and opened here.',
    input: { label: 'Title of the course', value: '' },
    actions: [
      { id: 'create', label: 'Create Course' },
      { id: 'cancel', label: 'Cancel' },
    ],
  });
  if (answer?.action !== 'create') return;
  const made = await services.api.createCourse(answer.value);
  if (!services.report(made)) return;
  await services.reloadCourses();
  showPack(services, made.value.courseId);
  await openSource(services, { courseId: made.value.courseId, path: 'course.yaml' });
  services.announce(`Created the course ${made.value.title}; its course.yaml is open.`);
}

/** New Module, New Lesson or New Scenario: asks for a title, adds it from the template, and opens its file. */
export async function newItem(services: WorkbenchServices, kind: 'module' | 'lesson' | 'scenario'): Promise<void> {
  const courseId = authorPack(services);
  if (!courseId) return services.announce('Open a course in the Author view first.');
  const moduleFolder = kind === 'module' ? undefined : moduleFolderFor(services, courseId);
  if (kind !== 'module' && !moduleFolder) return services.announce(`This course has no module to add a ${kind} to: add a module first.`);
  const word = { module: 'Module', lesson: 'Lesson', scenario: 'Scenario' }[kind];
  const answer = await services.ask({
    title: `New ${word}`,
    message: kind === 'module' ? 'The module is added to course.yaml, with a first lesson.' : `The ${kind} is added to ${moduleFolder}/module.yaml.`,
    input: { label: `Title of the ${kind}`, value: '' },
    actions: [
      { id: 'create', label: `Create ${word}` },
      { id: 'cancel', label: 'Cancel' },
    ],
  });
  if (answer?.action !== 'create') return;
  const made = await services.api.createPackItem(courseId, kind === 'module' ? { kind, title: answer.value } : { kind, moduleFolder: moduleFolder!, title: answer.value });
  if (!services.report(made)) return;
  services.author.send({ type: 'REFRESH_TREE', courseId });
  if (made.value.open) await openSource(services, { courseId, path: made.value.open });
  services.announce(`Created ${made.value.open ?? `the ${kind}`}.`);
}

/** The file or folder the Files view has selected, in the workbench's pack. */
function selectedEntry(services: WorkbenchServices): { courseId: string; path: string; kind: string } | undefined {
  const picked = currentSelection().file;
  return picked && picked.path !== '' && picked.courseId === authorPack(services) ? picked : undefined;
}

/** Closes the source tabs showing `path` or anything under it; false when the author kept one open (unsaved text). */
async function closeSourceTabs(services: WorkbenchServices, courseId: string, path: string): Promise<boolean> {
  for (;;) {
    const tabs = services.layout.getSnapshot().context.tabs;
    const index = tabs.findIndex((t) => t.kind === 'file' && t.courseId === courseId && (t.itemId === path || t.itemId.startsWith(`${path}/`)));
    if (index < 0) return true;
    if (!(await services.closeTab(index))) return false;
  }
}

/** Rename (F2): asks for the new name of the selected file or folder and renames it, reopening it if it was open. */
export async function renameSelected(services: WorkbenchServices): Promise<void> {
  const entry = selectedEntry(services);
  if (!entry) return services.announce('Select a file or folder in the Files view to rename it.');
  const slash = entry.path.lastIndexOf('/');
  const folder = slash < 0 ? '' : entry.path.slice(0, slash + 1);
  const name = entry.path.slice(slash + 1);
  const answer = await services.ask({
    title: `Rename ${name}`,
    input: { label: 'New name', value: name },
    actions: [
      { id: 'rename', label: 'Rename' },
      { id: 'cancel', label: 'Cancel' },
    ],
  });
  const to = answer?.value.trim();
  if (answer?.action !== 'rename' || !to || to === name) return;
  const wasOpen = services.layout.getSnapshot().context.tabs.some((t) => sameTab(t, { courseId: entry.courseId, kind: 'file', itemId: entry.path }));
  if (!(await closeSourceTabs(services, entry.courseId, entry.path))) return;
  const done = await services.api.renamePackFile(entry.courseId, entry.path, `${folder}${to}`);
  if (!services.report(done)) return;
  services.author.send({ type: 'REFRESH_TREE', courseId: entry.courseId });
  if (wasOpen) await openSource(services, { courseId: entry.courseId, path: `${folder}${to}` });
  services.announce(`Renamed ${name} to ${to}.`);
}

/** Delete: asks to confirm, then deletes the selected file or folder. */
export async function deleteSelected(services: WorkbenchServices): Promise<void> {
  const entry = selectedEntry(services);
  if (!entry) return services.announce('Select a file or folder in the Files view to delete it.');
  const answer = await services.ask({
    title: `Delete ${entry.path}?`,
    message:
      entry.kind === 'folder'
        ? `The folder ${entry.path} and everything in it will be deleted from the disk. This cannot be undone in Health Creation Studio.`
        : `The file ${entry.path} will be deleted from the disk. This cannot be undone in Health Creation Studio.`,
    actions: [
      { id: 'delete', label: 'Delete' },
      { id: 'cancel', label: 'Cancel' },
    ],
  });
  if (answer?.action !== 'delete') return;
  if (!(await closeSourceTabs(services, entry.courseId, entry.path))) return;
  const done = await services.api.deletePackFile(entry.courseId, entry.path);
  if (!services.report(done)) return;
  services.author.send({ type: 'REFRESH_TREE', courseId: entry.courseId });
  services.announce(`Deleted ${entry.path}.`);
}

/** The source tab in front, if it is one. */
function activeSource(services: WorkbenchServices): (TabRef & { kind: 'file' }) | undefined {
  const { tabs, activeTab } = services.layout.getSnapshot().context;
  const tab = activeTab === undefined ? undefined : tabs[activeTab];
  return tab?.kind === 'file' ? (tab as TabRef & { kind: 'file' }) : undefined;
}

/** Save (Ctrl+S): saves the source tab in front; a course that stays as shipped offers Save a Copy instead. */
export async function saveActive(services: WorkbenchServices): Promise<void> {
  const tab = activeSource(services);
  if (!tab) return;
  const key = docKey(tab.courseId, tab.itemId);
  if (services.author.getSnapshot().context.packs[tab.courseId]?.tree?.readOnly) return offerCopy(services, tab.courseId);
  const doc = services.author.getSnapshot().context.docs[key];
  if (!isDirty(doc)) return services.announce(`${tab.itemId} has no unsaved changes.`);
  services.author.send({ type: 'SAVE', key });
}

/** Asks whether to save a copy of a course that stays as shipped, and makes it if so. */
export async function offerCopy(services: WorkbenchServices, courseId: string): Promise<void> {
  const title = services.session.getSnapshot().context.courses.find((c) => c.id === courseId)?.title ?? courseId;
  const answer = await services.ask({
    title: 'Save a copy to edit?',
    message: `${title} is installed with Health Creation Studio and stays as shipped. Save a copy in your documents (Health Creation Studio, Courses) and edit the copy?`,
    actions: [
      { id: 'copy', label: 'Save a Copy' },
      { id: 'cancel', label: 'Cancel' },
    ],
  });
  if (answer?.action === 'copy') await saveCopy(services, courseId);
}

/** Save a Copy: copies the course into the author's courses folder and opens the copy (at the same file, if a source tab was in front). */
export async function saveCopy(services: WorkbenchServices, courseId: string): Promise<void> {
  const made = await services.api.copyCourse(courseId);
  if (!services.report(made)) return;
  const tab = activeSource(services);
  await services.reloadCourses();
  showPack(services, made.value.courseId);
  await openSource(services, { courseId: made.value.courseId, path: tab?.courseId === courseId ? tab.itemId : 'course.yaml' });
  services.announce(`Saved a copy: ${made.value.title}. You are now editing the copy.`);
}

/** Edit Source: opens the file of the lesson or scenario in front (or focused in the Courses view) at its place. */
export async function editSource(services: WorkbenchServices): Promise<void> {
  const focusedNode = typeof document === 'undefined' ? undefined : document.activeElement?.closest<HTMLElement>('[data-node-id]')?.dataset['nodeId'];
  const fromTree = /^(lesson|scenario):([^/]+)\/(.+)$/.exec(focusedNode ?? '');
  const { tabs, activeTab } = services.layout.getSnapshot().context;
  const active = activeTab === undefined ? undefined : tabs[activeTab];
  const target = fromTree
    ? { courseId: fromTree[2]!, kind: fromTree[1] as 'lesson' | 'scenario', itemId: fromTree[3]! }
    : active && (active.kind === 'lesson' || active.kind === 'scenario')
      ? active
      : undefined;
  if (!target) return services.announce('Open a lesson or scenario first; Edit Source opens its file.');
  const course = services.session.getSnapshot().context.opened[target.courseId]?.course;
  const module = course?.modules.find((m) => m.lessons.some((l) => l.id === target.itemId) || m.scenarios.some((s) => s.id === target.itemId));
  const file =
    target.kind === 'lesson' ? module?.lessons.find((l) => l.id === target.itemId)?.file : module?.scenarios.find((s) => s.id === target.itemId)?.file;
  if (!file) return services.announce('The file of this item could not be found; reload the courses from disk.');
  // A scenario opens at the node the learner is at, when it is the tab in front; otherwise at the item's id.
  const node = target.kind === 'scenario' && !fromTree ? document.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden]) [data-node-id]')?.dataset['nodeId'] : undefined;
  const find = node ? new RegExp(`^\\s+${escapeRegExp(node)}\\s*:`) : new RegExp(`^id:\\s*["']?${escapeRegExp(target.itemId)}\\b`);
  await openSource(services, { courseId: target.courseId, path: file, find });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** F8 / Shift+F8: goes to the next or previous problem of the open packs, opening its file at its place. */
export async function goToProblem(services: WorkbenchServices, step: 1 | -1): Promise<void> {
  const list = problemList(services.author.getSnapshot().context.packs);
  const tab = activeSource(services);
  const caret = tab ? caretOf(docKey(tab.courseId, tab.itemId)) : undefined;
  const next = stepProblem(list, currentSelection().problem, step, tab && caret ? { courseId: tab.courseId, file: tab.itemId, ...caret } : undefined);
  if (!next) return services.announce('There are no problems.');
  selectProblem(next.id);
  await openSource(services, { courseId: next.courseId, path: next.diagnostic.file, line: next.diagnostic.line, column: next.diagnostic.column });
  services.announce(`${list.indexOf(next) + 1} of ${list.length}: ${problemLabel(next)}`);
}
