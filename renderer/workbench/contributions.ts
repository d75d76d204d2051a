// Every feature of the workbench, loaded for the side effect of registering its
// views and commands. The order here is the Command Palette's order before filtering.

import './features/courses/courses.contribution';
import './features/coursePage/coursePage.contribution';
import './features/sources/sources.contribution';
import './features/search/search.contribution';
import './features/progress/progress.contribution';
import './features/journal/journal.contribution';
import './features/settings/settings.contribution';
import './features/editor/editor.contribution';
import './features/layout/layout.contribution';
import './features/quickOpen/quickOpen.contribution';
import './features/appearance/appearance.contribution';
import './features/learners/learners.contribution';
import './features/exporting/exporting.contribution';
import './features/learningRecord/learningRecord.contribution';
import './features/authoring/authoring.contribution';
import './features/scenarioGraph/scenarioGraph.contribution';
import './features/shortcuts/shortcuts.contribution';
