// The workbench's layout as the learner arranges it: open tabs, the active tab,
// which side bar view shows, panel and side bar visibility, theme and zoom. Every
// change runs the `persist` action, which the app provides (saveWorkbenchState), so
// the machine itself stays free of I/O and easy to test.

import { assign, setup } from 'xstate';
import { defaultWorkbenchState, WORKBENCH_VIEW_COURSE, type TabRef, type ThemeSetting, type WorkbenchState } from '../../../engine/api/studioApi';

/** Side bar views, as WorkbenchState names them. */
export type SideBarView = WorkbenchState['sideBarView'];
/** The Panel's views, as WorkbenchState names them. */
export type PanelView = NonNullable<WorkbenchState['panelView']>;

/** Events the layout understands. */
export type LayoutEvent =
  | { type: 'RESTORE'; state: WorkbenchState }
  | { type: 'OPEN_TAB'; tab: TabRef; preview?: boolean }
  | { type: 'CLOSE_TAB'; index?: number }
  | { type: 'ACTIVATE_TAB'; index: number }
  | { type: 'NEXT_TAB' }
  | { type: 'PREVIOUS_TAB' }
  | { type: 'MOVE_TAB'; from: number; to: number }
  | { type: 'SHOW_SIDE_BAR_VIEW'; view: SideBarView }
  | { type: 'TOGGLE_SIDE_BAR' }
  | { type: 'HIDE_SIDE_BAR' }
  | { type: 'SET_SIDE_BAR_WIDTH'; width: number }
  | { type: 'TOGGLE_PANEL' }
  | { type: 'SHOW_PANEL'; view?: PanelView }
  | { type: 'SET_THEME'; theme: ThemeSetting }
  | { type: 'ZOOM'; by: number }
  | { type: 'ZOOM_RESET' }
  | { type: 'OPEN_COURSE'; courseId: string };

/** The Side Bar's width in rem when the learner has not set one. */
export const SIDE_BAR_DEFAULT = 20;
/** Narrowest Side Bar, in rem: a module title still fits. */
export const SIDE_BAR_MIN = 12;
/** Widest Side Bar, in rem. */
export const SIDE_BAR_MAX = 40;

/** A width clamped to the Side Bar's range, to a quarter rem. */
export function clampSideBarWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDE_BAR_DEFAULT;
  return Math.round(Math.min(SIDE_BAR_MAX, Math.max(SIDE_BAR_MIN, width)) * 4) / 4;
}

/** Smallest zoom factor (WorkbenchState allows 0.5-3). */
export const ZOOM_MIN = 0.5;
/** Largest zoom factor. */
export const ZOOM_MAX = 3;

/** True when two tabs show the same thing. */
export function sameTab(a: TabRef, b: TabRef): boolean {
  return a.courseId === b.courseId && a.kind === b.kind && a.itemId === b.itemId;
}

function clampZoom(z: number): number {
  return Math.round(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, z)) * 10) / 10;
}

function wrap(index: number, length: number): number {
  return ((index % length) + length) % length;
}

/** The layout machine; provide `persist` to store each change. */
export const layoutMachine = setup({
  types: { context: {} as WorkbenchState, events: {} as LayoutEvent },
  actions: {
    persist: () => {},
  },
  guards: {
    hasTabs: ({ context }) => context.tabs.length > 0,
  },
}).createMachine({
  id: 'layout',
  context: defaultWorkbenchState(),
  initial: 'restoring',
  // Restoring is allowed at any time: switching learner restores that learner's layout.
  on: {
    RESTORE: {
      target: '.ready',
      actions: assign(({ event }) => {
        const s = event.state;
        const tabs = s.tabs ?? [];
        const active = tabs.length === 0 ? undefined : Math.min(Math.max(s.activeTab ?? 0, 0), tabs.length - 1);
        const width = s.sideBarWidth === undefined ? {} : { sideBarWidth: clampSideBarWidth(s.sideBarWidth) };
        return { ...defaultWorkbenchState(), ...s, ...width, tabs, activeTab: active, zoom: clampZoom(s.zoom ?? 1) };
      }),
    },
  },
  states: {
    restoring: {},
    ready: {
      on: {
        OPEN_TAB: {
          actions: [
            assign(({ context, event }) => {
              const found = context.tabs.findIndex((t) => sameTab(t, event.tab));
              // A tab of a course (its page, a lesson, a source, a file) makes that course the open one; a view of the workbench or an author's graph does not.
              const keeps = event.tab.courseId === WORKBENCH_VIEW_COURSE || event.tab.kind === 'scenarioGraph' || event.tab.kind === 'scenarioPreview';
              const openCourseId = keeps ? context.openCourseId : event.tab.courseId;
              if (found >= 0) return { activeTab: found, openCourseId };
              // A new tab opens to the right of the active one, as in VS Code.
              const at = context.activeTab === undefined ? context.tabs.length : context.activeTab + 1;
              const tabs = [...context.tabs.slice(0, at), event.tab, ...context.tabs.slice(at)];
              return { tabs, activeTab: at, openCourseId };
            }),
            'persist',
          ],
        },
        CLOSE_TAB: {
          guard: 'hasTabs',
          actions: [
            assign(({ context, event }) => {
              const index = event.index ?? context.activeTab ?? 0;
              const tabs = context.tabs.filter((_, i) => i !== index);
              if (tabs.length === 0) return { tabs, activeTab: undefined };
              const active = context.activeTab ?? 0;
              const next = index < active ? active - 1 : index === active ? Math.min(index, tabs.length - 1) : active;
              return { tabs, activeTab: next };
            }),
            'persist',
          ],
        },
        ACTIVATE_TAB: {
          guard: ({ context, event }) => event.index >= 0 && event.index < context.tabs.length,
          actions: [assign(({ event }) => ({ activeTab: event.index })), 'persist'],
        },
        NEXT_TAB: {
          guard: 'hasTabs',
          actions: [assign(({ context }) => ({ activeTab: wrap((context.activeTab ?? -1) + 1, context.tabs.length) })), 'persist'],
        },
        PREVIOUS_TAB: {
          guard: 'hasTabs',
          actions: [assign(({ context }) => ({ activeTab: wrap((context.activeTab ?? 1) - 1, context.tabs.length) })), 'persist'],
        },
        MOVE_TAB: {
          guard: ({ context, event }) => event.to >= 0 && event.to < context.tabs.length && event.from >= 0 && event.from < context.tabs.length,
          actions: [
            assign(({ context, event }) => {
              const tabs = [...context.tabs];
              const [moved] = tabs.splice(event.from, 1);
              tabs.splice(event.to, 0, moved!);
              return { tabs, activeTab: event.to };
            }),
            'persist',
          ],
        },
        SHOW_SIDE_BAR_VIEW: {
          actions: [assign(({ event }) => ({ sideBarView: event.view, sideBarVisible: true })), 'persist'],
        },
        TOGGLE_SIDE_BAR: { actions: [assign(({ context }) => ({ sideBarVisible: !context.sideBarVisible })), 'persist'] },
        HIDE_SIDE_BAR: { guard: ({ context }) => context.sideBarVisible, actions: [assign({ sideBarVisible: false }), 'persist'] },
        SET_SIDE_BAR_WIDTH: {
          guard: ({ context, event }) => clampSideBarWidth(event.width) !== (context.sideBarWidth ?? SIDE_BAR_DEFAULT),
          actions: [assign(({ event }) => ({ sideBarWidth: clampSideBarWidth(event.width) })), 'persist'],
        },
        TOGGLE_PANEL: { actions: [assign(({ context }) => ({ panelVisible: !context.panelVisible })), 'persist'] },
        SHOW_PANEL: { actions: [assign(({ context, event }) => ({ panelVisible: true, panelView: event.view ?? context.panelView ?? 'journal' })), 'persist'] },
        SET_THEME: { actions: [assign(({ event }) => ({ theme: event.theme })), 'persist'] },
        ZOOM: { actions: [assign(({ context, event }) => ({ zoom: clampZoom(context.zoom + event.by) })), 'persist'] },
        ZOOM_RESET: { actions: [assign({ zoom: 1 }), 'persist'] },
        OPEN_COURSE: { actions: [assign(({ event }) => ({ openCourseId: event.courseId })), 'persist'] },
      },
    },
  },
});
