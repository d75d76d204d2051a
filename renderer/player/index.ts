// The player: the React components that play course content in the desktop
// workbench, in browser mode and inside exported SCORM packages. Styles live in
// player.css, themed through --hcs-* custom properties.
export { LessonView, type LessonViewProps } from './lesson/LessonView';
export { ScenarioView, type ScenarioViewProps } from './scenario/ScenarioView';
export { CourseOverview, type CourseOverviewProps, type OverviewItem } from './overview/CourseOverview';
export { ProgressCharts, type ProgressChartsProps } from './progress/ProgressCharts';
export { renderMarkdown } from './markdown';
