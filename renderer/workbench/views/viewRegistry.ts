// Views are registered by features, like commands: the Activity Bar and the Side Bar
// list side bar views; the editor shows workbench views (e.g. Shortcuts) as tabs; the
// Panel shows its views (the journal, Problems) under tabs of their own.

import type { ComponentType } from 'react';
import type { TabRef } from '../../../engine/api/studioApi';
import type { Course } from '../../../engine/course/model';
import type { CommandId } from '../commands/commandRegistry';
import type { PanelView, SideBarView } from '../state/layoutMachine';

/** A view shown in the Side Bar and chosen in the Activity Bar. */
export interface SideBarViewDescriptor {
  id: SideBarView;
  title: string;
  /** Order in the Activity Bar, lowest first. */
  order: number;
  /** Command that shows it (its shortcut is shown in the Activity Bar's tooltip). */
  commandId: CommandId;
  icon: ComponentType;
  component: ComponentType;
}

/**
 * A view that opens as an editor tab: TabRef kind 'view' with the view's id as itemId
 * (of a course, or of the workbench), or the view registered as 'source' for kind 'source'.
 */
export interface EditorViewDescriptor {
  id: string;
  title: string;
  /** The tab's title when it names more than the view (the course's title, a document's). */
  tabTitle?: (tab: TabRef, course: Course | undefined) => string;
  /** Receives the tab it shows, for the course (and the item) it is about. */
  component: ComponentType<{ tab: TabRef }>;
}

const sideBarViews: SideBarViewDescriptor[] = [];
const editorViews = new Map<string, EditorViewDescriptor>();

/** Adds a Side Bar view. */
export function registerSideBarView(view: SideBarViewDescriptor): void {
  sideBarViews.push(view);
  sideBarViews.sort((a, b) => a.order - b.order);
}

/** The Side Bar views in Activity Bar order. */
export function getSideBarViews(): readonly SideBarViewDescriptor[] {
  return sideBarViews;
}

/** Adds a view that opens in an editor tab. */
export function registerEditorView(view: EditorViewDescriptor): void {
  editorViews.set(view.id, view);
}

/** The editor view with this id. */
export function getEditorView(id: string): EditorViewDescriptor | undefined {
  return editorViews.get(id);
}

/** A view of the Panel, shown under its own tab (the journal and notes, Problems). */
export interface PanelViewDescriptor {
  id: PanelView;
  title: string;
  /** Order of its tab, lowest first. */
  order: number;
  component: ComponentType;
  /** A short figure after the title on its tab (Problems: how many), read from the workbench. */
  badge?: ComponentType;
}

const panelViews: PanelViewDescriptor[] = [];

/** Adds a view to the Panel. */
export function registerPanelView(view: PanelViewDescriptor): void {
  panelViews.push(view);
  panelViews.sort((a, b) => a.order - b.order);
}

/** The Panel's views in tab order. */
export function getPanelViews(): readonly PanelViewDescriptor[] {
  return panelViews;
}
