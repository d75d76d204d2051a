// The live preview beside a source editor: the lesson or scenario as the engine reads
// the editor's text now, played by the learner's own player (nothing it does is
// recorded). While the text has errors it keeps the last good version, under a banner
// naming the first problem; a preview that throws shows a sentence, not a blank tab.

import { memo, useMemo, type ReactNode } from 'react';
import type { PackPreview } from '../../../../../engine/api/studioApi';
import type { Diagnostic } from '../../../../../engine/course/diagnostics';
import type { Course } from '../../../../../engine/course/model';
import { emptyProgress } from '../../../../../engine/progress/model';
import { usePlayer } from '../../../editor/playerModule';
import { ViewBoundary } from '../../../parts/ViewBoundary';

/** Props of the preview of one file. */
export interface SourcePreviewProps {
  courseId: string;
  path: string;
  preview: PackPreview | undefined;
  /** The pack's first error, named by the banner while the preview is stale. */
  firstProblem: Diagnostic | undefined;
  /** The course as the learner last opened it, if it loads; the player only needs its id. */
  course: Course | undefined;
  assetBase: string;
  onGoToProblem: (d: Diagnostic) => void;
}

const ignore = () => {};

/** A course to play one item in when the pack does not load as a whole. */
function standIn(courseId: string, course: Course | undefined): Course {
  return (
    course ?? {
      id: courseId,
      title: courseId,
      version: '0',
      summary: '',
      level: { award: 'undergraduate', fheq: 4 },
      language: 'en',
      authors: [],
      outcomes: [],
      modules: [],
      references: [],
      glossary: [],
    }
  );
}

/**
 * The preview region. Memoised, and its player element too: typing re-renders the source
 * tab at every key, and a check that leaves the lesson or scenario as it was (the
 * author machine keeps its object) must not render the player again.
 */
export const SourcePreview = memo(function SourcePreview({ courseId, path, preview, firstProblem, course, assetBase, onGoToProblem }: SourcePreviewProps) {
  const player = usePlayer();
  const item = preview?.item;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const played = useMemo((): ReactNode => {
    if (!item || !player) return undefined;
    const playIn = standIn(courseId, course);
    if (item.kind === 'lesson') {
      return <player.LessonView course={playIn} lesson={item.lesson} progress={emptyProgress(courseId)} assetBase={assetBase} learnerSeed="preview" onEvent={ignore} />;
    }
    return <player.ScenarioView course={playIn} scenario={item.scenario} assetBase={assetBase} onEvent={ignore} onVarsChange={ignore} />;
  }, [item, player, courseId, course, assetBase]);
  let body: ReactNode = played;
  if (!preview) body = <p className="wb-loading">Checking {name}…</p>;
  else if (!item) body = <p className="wb-hint">Nothing to preview yet: {name} does not read as a lesson or scenario of this course.{firstProblem ? ' See the problem above.' : ''}</p>;
  else if (!player) body = <p className="wb-loading">Loading the player…</p>;
  return (
    <section className="wb-source-preview" aria-label={`Preview of ${path}`} data-stale={preview?.stale ? 'true' : 'false'}>
      {preview?.stale && firstProblem && (
        <div className="wb-preview-banner" role="status">
          <p>
            Showing the last version without errors. First problem: {firstProblem.message} ({firstProblem.file}:{firstProblem.line}:{firstProblem.column}).
          </p>
          <button type="button" className="wb-link-button" onClick={() => onGoToProblem(firstProblem)}>
            Go to problem
          </button>
        </div>
      )}
      <ViewBoundary key={item?.kind ?? 'none'} resetKey={item} what={`The preview of ${name}`}>
        {body}
      </ViewBoundary>
    </section>
  );
});
