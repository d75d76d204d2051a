// Line icons for the Activity Bar and the explorer. They are decoration: every use
// sits beside text or an accessible name, so each is aria-hidden. Sizes are in rem,
// so the icons grow and shrink with the app's zoom like everything else.

import type { ReactNode } from 'react';

/** An icon `size` pixels square at 100% zoom. */
function Icon({ children, size = 24 }: { children: ReactNode; size?: number }) {
  const rem = `${size / 16}rem`;
  return (
    <svg
      style={{ width: rem, height: rem, flex: 'none' }}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

/** Courses (books). */
export const CoursesIcon = () => (
  <Icon>
    <path d="M4 5a2 2 0 0 1 2-2h5v17H6a2 2 0 0 0-2 2z" />
    <path d="M20 5a2 2 0 0 0-2-2h-5v17h5a2 2 0 0 1 2 2z" />
  </Icon>
);
/** Search (magnifier). */
export const SearchIcon = () => (
  <Icon>
    <circle cx="10.5" cy="10.5" r="6" />
    <path d="m15 15 5.5 5.5" />
  </Icon>
);
/** Progress (bars). */
export const ProgressIcon = () => (
  <Icon>
    <path d="M5 20V11M12 20V5M19 20v-6" />
  </Icon>
);
/** Journal (notebook and pen). */
export const JournalIcon = () => (
  <Icon>
    <path d="M6 3h10a2 2 0 0 1 2 2v16H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z" />
    <path d="M8 8h6M8 12h6" />
  </Icon>
);
/** Settings (gear). */
export const SettingsIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="3" />
    <path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1" />
  </Icon>
);
/** Learner (person). */
export const LearnerIcon = () => (
  <Icon size={16}>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21a8 8 0 0 1 16 0" />
  </Icon>
);
/** Close (cross). */
export const CloseIcon = () => (
  <Icon size={16}>
    <path d="M6 6l12 12M18 6 6 18" />
  </Icon>
);
/** Chevron pointing right; rotated when expanded. */
export const ChevronIcon = () => (
  <Icon size={16}>
    <path d="m9 6 6 6-6 6" />
  </Icon>
);
/** A lesson (a page of text). */
export const LessonIcon = () => (
  <Icon size={14}>
    <path d="M6 3h9l4 4v14H6z" />
    <path d="M9 11h7M9 15h7" />
  </Icon>
);
/** A scenario (a branching path). */
export const ScenarioIcon = () => (
  <Icon size={14}>
    <circle cx="6" cy="5" r="2" />
    <circle cx="6" cy="19" r="2" />
    <circle cx="18" cy="12" r="2" />
    <path d="M6 7v10M6 12h4a4 4 0 0 0 4-4v0M10 12h6" />
  </Icon>
);
/** A course's own view: its page, references or glossary (an open book). */
export const CourseIcon = () => (
  <Icon size={14}>
    <path d="M3 5h6a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H3z" />
    <path d="M21 5h-6a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h7z" />
  </Icon>
);
/** A workbench view (a keyboard). */
export const ViewIcon = () => (
  <Icon size={14}>
    <rect x="3" y="6" width="18" height="12" rx="2" />
    <path d="M7 10h1M11 10h1M15 10h1M8 14h8" />
  </Icon>
);
/** A padlock: a learner whose work is behind a PIN. */
export const LockIcon = () => (
  <Icon size={16}>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V8a4 4 0 0 1 8 0v3" />
  </Icon>
);
/** Author (a pen over a page). */
export const AuthorIcon = () => (
  <Icon>
    <path d="M5 3h9l4 4v5" />
    <path d="M5 3v18h6" />
    <path d="m14 21 1-4 6-6 3 3-6 6z" />
  </Icon>
);
/** A source file (angle brackets on a page). */
export const SourceIcon = () => (
  <Icon size={14}>
    <path d="M6 3h9l4 4v14H6z" />
    <path d="m10 11-2 2.5 2 2.5M14 11l2 2.5-2 2.5" />
  </Icon>
);
/** A folder. */
export const FolderIcon = () => (
  <Icon size={14}>
    <path d="M3 6a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z" />
  </Icon>
);
/** An error (a circle with a cross). */
export const ErrorIcon = () => (
  <Icon size={14}>
    <circle cx="12" cy="12" r="9" />
    <path d="m9 9 6 6M15 9l-6 6" />
  </Icon>
);
/** A warning (a triangle with a mark). */
export const WarningIcon = () => (
  <Icon size={14}>
    <path d="M12 3 2 20h20z" />
    <path d="M12 10v4M12 17v.5" />
  </Icon>
);
