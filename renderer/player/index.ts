// The player: the React components that play course content in the desktop
// workbench, in browser mode and inside exported SCORM packages. Styles live in
// player.css, themed through --hcs-* custom properties.
export { LessonView, type LessonViewProps, type LessonLinks } from './lesson/LessonView';
export { ScenarioView, type ScenarioViewProps } from './scenario/ScenarioView';
export { renderMarkdown } from './markdown';
