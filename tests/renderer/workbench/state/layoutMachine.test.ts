import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { defaultWorkbenchState, type TabRef, type WorkbenchState } from '../../../../engine/api/studioApi';
import { SIDE_BAR_MAX, SIDE_BAR_MIN, layoutMachine } from '../../../../renderer/workbench/state/layoutMachine';

const lesson = (id: string): TabRef => ({ courseId: 'c', kind: 'lesson', itemId: id });

function start(state: Partial<WorkbenchState> = {}) {
  const saved: WorkbenchState[] = [];
  const actor = createActor(layoutMachine.provide({ actions: { persist: ({ context }) => saved.push(context) } })).start();
  actor.send({ type: 'RESTORE', state: { ...defaultWorkbenchState(), ...state } });
  return { actor, saved, ctx: () => actor.getSnapshot().context };
}

describe('the layout machine', () => {
  it('opens a new tab to the right of the active one and shows it', () => {
    const { actor, ctx } = start({ tabs: [lesson('a'), lesson('b')], activeTab: 0 });
    actor.send({ type: 'OPEN_TAB', tab: lesson('c') });
    expect(ctx().tabs.map((t) => t.itemId)).toEqual(['a', 'c', 'b']);
    expect(ctx().activeTab).toBe(1);
  });

  it("keeps the course the workbench is in when an author's Scenario Graph opens, and moves to the course of a lesson", () => {
    const { actor, ctx } = start({ tabs: [lesson('a')], activeTab: 0, openCourseId: 'c' });
    actor.send({ type: 'OPEN_TAB', tab: { courseId: 'other', kind: 'scenarioGraph', itemId: 'modules/m/story.scenario.yaml' } });
    expect(ctx().openCourseId).toBe('c');
    actor.send({ type: 'OPEN_TAB', tab: { courseId: 'other', kind: 'lesson', itemId: 'x' } });
    expect(ctx().openCourseId).toBe('other');
  });

  it('focuses an open tab instead of opening it twice', () => {
    const { actor, ctx } = start({ tabs: [lesson('a'), lesson('b')], activeTab: 0 });
    actor.send({ type: 'OPEN_TAB', tab: lesson('b') });
    expect(ctx().tabs).toHaveLength(2);
    expect(ctx().activeTab).toBe(1);
  });

  it('closing the active tab shows its right-hand neighbour, or the left one at the end', () => {
    const { actor, ctx } = start({ tabs: [lesson('a'), lesson('b'), lesson('c')], activeTab: 1 });
    actor.send({ type: 'CLOSE_TAB' });
    expect(ctx().tabs.map((t) => t.itemId)).toEqual(['a', 'c']);
    expect(ctx().activeTab).toBe(1);
    actor.send({ type: 'CLOSE_TAB' });
    expect(ctx().activeTab).toBe(0);
    actor.send({ type: 'CLOSE_TAB' });
    expect(ctx().activeTab).toBeUndefined();
  });

  it('wraps around when switching past the last tab', () => {
    const { actor, ctx } = start({ tabs: [lesson('a'), lesson('b')], activeTab: 1 });
    actor.send({ type: 'NEXT_TAB' });
    expect(ctx().activeTab).toBe(0);
    actor.send({ type: 'PREVIOUS_TAB' });
    expect(ctx().activeTab).toBe(1);
  });

  it('keeps zoom within 50% and 300%', () => {
    const { actor, ctx } = start({ zoom: 2.95 });
    actor.send({ type: 'ZOOM', by: 0.1 });
    expect(ctx().zoom).toBe(3);
    actor.send({ type: 'ZOOM_RESET' });
    actor.send({ type: 'ZOOM', by: -0.6 });
    expect(ctx().zoom).toBe(0.5);
  });

  it('repairs a restored active tab that points past the tabs', () => {
    const { ctx } = start({ tabs: [lesson('a')], activeTab: 7 });
    expect(ctx().activeTab).toBe(0);
  });

  it('persists every change the learner makes, but not the restore itself', () => {
    const { actor, saved } = start();
    expect(saved).toHaveLength(0);
    actor.send({ type: 'TOGGLE_PANEL' });
    expect(saved.at(-1)?.panelVisible).toBe(true);
  });
});

describe('moving tabs', () => {
  it('moves a tab along the strip and keeps it in front', () => {
    const { actor, ctx } = start({ tabs: [lesson('a'), lesson('b'), lesson('c')], activeTab: 0 });
    actor.send({ type: 'MOVE_TAB', from: 0, to: 2 });
    expect(ctx().tabs.map((t) => t.itemId)).toEqual(['b', 'c', 'a']);
    expect(ctx().activeTab).toBe(2);
  });

  it('ignores a move past either end', () => {
    const { actor, ctx } = start({ tabs: [lesson('a'), lesson('b')], activeTab: 1 });
    actor.send({ type: 'MOVE_TAB', from: 1, to: 2 });
    expect(ctx().tabs.map((t) => t.itemId)).toEqual(['a', 'b']);
  });

  it('keeps the Side Bar width the learner sets, within its range, and saves it', () => {
    const { actor, ctx, saved } = start();
    actor.send({ type: 'SET_SIDE_BAR_WIDTH', width: 26.3 });
    expect(ctx().sideBarWidth).toBe(26.25);
    expect(saved.at(-1)?.sideBarWidth).toBe(26.25);
    actor.send({ type: 'SET_SIDE_BAR_WIDTH', width: 2 });
    expect(ctx().sideBarWidth).toBe(SIDE_BAR_MIN);
    actor.send({ type: 'SET_SIDE_BAR_WIDTH', width: 500 });
    expect(ctx().sideBarWidth).toBe(SIDE_BAR_MAX);
    const count = saved.length;
    actor.send({ type: 'SET_SIDE_BAR_WIDTH', width: 900 });
    expect(saved).toHaveLength(count);
  });

  it('restores a saved width, brought back into range if it was stored out of it', () => {
    expect(start({ sideBarWidth: 31 }).ctx().sideBarWidth).toBe(31);
    expect(start({ sideBarWidth: 3 }).ctx().sideBarWidth).toBe(SIDE_BAR_MIN);
    expect(start().ctx().sideBarWidth).toBeUndefined();
  });

  it('hides the Side Bar, and hiding it again changes nothing', () => {
    const { actor, ctx, saved } = start();
    actor.send({ type: 'HIDE_SIDE_BAR' });
    expect(ctx().sideBarVisible).toBe(false);
    const count = saved.length;
    actor.send({ type: 'HIDE_SIDE_BAR' });
    expect(saved).toHaveLength(count);
  });

  it('makes the course of a course page or source tab the open course, but not a workbench view', () => {
    const { actor, ctx } = start({ openCourseId: 'c' });
    actor.send({ type: 'OPEN_TAB', tab: { courseId: 'other', kind: 'view', itemId: 'course' } });
    expect(ctx().openCourseId).toBe('other');
    actor.send({ type: 'OPEN_TAB', tab: { courseId: 'workbench', kind: 'view', itemId: 'shortcuts' } });
    expect(ctx().openCourseId).toBe('other');
    actor.send({ type: 'OPEN_TAB', tab: { courseId: 'third', kind: 'source', itemId: 'manifesto' } });
    expect(ctx().openCourseId).toBe('third');
  });
});
