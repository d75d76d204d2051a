// The tab strip: a tablist with roving focus. Left/Right move between tabs and
// show them, Home/End jump to the ends, Delete closes; Ctrl+W, Ctrl+Tab and
// Ctrl+PageDown work anywhere through the command registry.

import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useSelector } from '@xstate/react';
import { WORKBENCH_VIEW_COURSE, type TabRef } from '../../../engine/api/studioApi';
import { CloseIcon, CourseIcon, LessonIcon, ScenarioIcon, SourceIcon, ViewIcon } from '../parts/icons';
import { docKey, isDirty } from '../state/authorMachine';
import { useLayout, useServices } from '../WorkbenchContext';
import { panelDomId, tabDomId, tabKey } from './tabKey';
import { useTabTitle } from './useTabTitle';
import { focusFirst, useFocusable } from '../views/viewFocus';

/** The editor's tab strip. */
export function EditorTabs() {
  const services = useServices();
  const tabs = useLayout((s) => s.context.tabs);
  const active = useLayout((s) => s.context.activeTab);
  const listRef = useRef<HTMLDivElement>(null);
  useFocusable('editorTabs', useCallback(() => focusFirst(listRef.current, '[role="tab"][aria-selected="true"]'), [tabs, active]));
  // The tab in front is always in sight, however many tabs crowd the strip.
  useEffect(() => {
    listRef.current?.querySelector('.wb-tab-active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active, tabs.length]);

  const focusTab = (index: number) => {
    services.layout.send({ type: 'ACTIVATE_TAB', index });
    requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLElement>('[role="tab"]')[index]?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = active ?? 0;
    const last = tabs.length - 1;
    const target: Record<string, number> = {
      ArrowRight: current === last ? 0 : current + 1,
      ArrowLeft: current === 0 ? last : current - 1,
      Home: 0,
      End: last,
    };
    if (event.key in target && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      focusTab(target[event.key]!);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      void services.closeTab(current).then(() =>
        requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus()),
      );
    }
  };

  return (
    <div className="wb-tabs" role="tablist" aria-label="Open lessons, scenarios and files" ref={listRef} onKeyDown={onKeyDown}>
      {tabs.map((tab, index) => (
        <Tab key={tabKey(tab)} tab={tab} index={index} selected={index === active} />
      ))}
    </div>
  );
}

const KIND_WORDS: Record<TabRef['kind'], string> = {
  lesson: 'Lesson',
  scenario: 'Scenario',
  view: 'View',
  source: 'Source document',
  file: 'File',
  scenarioGraph: 'Scenario Graph',
  scenarioPreview: 'Play from Here preview',
};

function Tab({ tab, index, selected }: { tab: TabRef; index: number; selected: boolean }) {
  const services = useServices();
  const { title, courseTitle } = useTabTitle(tab);
  const dirty = useSelector(services.author, (s) => tab.kind === 'file' && isDirty(s.context.docs[docKey(tab.courseId, tab.itemId)]));
  const kindWord = KIND_WORDS[tab.kind];
  const tip = tab.kind === 'file' ? `${tab.itemId}${courseTitle ? ` (${courseTitle})` : ''}${dirty ? ', not saved' : ''}` : courseTitle ? `${kindWord}: ${title} (${courseTitle})` : title;
  return (
    <div className={`wb-tab${selected ? ' wb-tab-active' : ''}${dirty ? ' wb-tab-dirty' : ''}`} data-kind={tab.kind}>
      <button
        type="button"
        role="tab"
        id={tabDomId(tab)}
        aria-selected={selected}
        aria-controls={panelDomId(tab)}
        tabIndex={selected ? 0 : -1}
        title={tip}
        onClick={() => services.layout.send({ type: 'ACTIVATE_TAB', index })}
        onAuxClick={(e) => e.button === 1 && void services.closeTab(index)}
      >
        <span className="wb-tab-kind" aria-hidden="true">
          {tab.kind === 'lesson' || tab.kind === 'source' ? (
            <LessonIcon />
          ) : tab.kind === 'scenario' || tab.kind === 'scenarioGraph' || tab.kind === 'scenarioPreview' ? (
            <ScenarioIcon />
          ) : tab.kind === 'file' ? (
            <SourceIcon />
          ) : tab.courseId === WORKBENCH_VIEW_COURSE ? (
            <ViewIcon />
          ) : (
            <CourseIcon />
          )}
        </span>
        <span className="wb-tab-label">{title}</span>
        {/* Shown as a dot, as VS Code does, and said in words to screen readers. */}
        {dirty && (
          <span className="wb-tab-dirty-mark">
            <span aria-hidden="true"> ●</span>
            <span className="sr-only">, not saved</span>
          </span>
        )}
      </button>
      {/* Mouse-only: a button inside the tablist would break its semantics; keyboards use Delete or Ctrl+W. */}
      <span
        className="wb-tab-close"
        aria-hidden="true"
        title={`Close ${title}`}
        onClick={() => void services.closeTab(index)}
      >
        <CloseIcon />
      </span>
    </div>
  );
}
