// The SCO's table of contents: every lesson and scenario with its state in words,
// so status never rests on colour or an icon alone.
import type { Course } from '../../engine/course/model';
import type { CourseProgress } from '../../engine/progress/model';

/** One place the learner can go in a SCO. */
export interface View {
  kind: 'lesson' | 'scenario' | 'summary';
  moduleId: string;
  id: string;
  title: string;
}

/** Props of ScoNav. */
export interface ScoNavProps {
  course: Course;
  views: View[];
  current: number;
  progress: CourseProgress;
  onSelect: (index: number) => void;
}

function stateOf(view: View, progress: CourseProgress): string {
  if (view.kind === 'lesson') {
    const record = progress.lessons[view.id];
    return record?.read ? 'read to the end' : record?.visited ? 'in progress' : 'not started';
  }
  if (view.kind === 'scenario') {
    const rec = progress.scenarios[view.id];
    return rec?.endingsFound.length ? `${rec.endingsFound.length} ending${rec.endingsFound.length > 1 ? 's' : ''} found` : rec ? 'in progress' : 'not started';
  }
  return '';
}

/** Lists the SCO's lessons and scenarios, grouped by module when there are several. */
export function ScoNav({ course, views, current, progress, onSelect }: ScoNavProps) {
  const modules = [...new Set(views.map((v) => v.moduleId))];
  return (
    <nav className="hcs-sco-nav" aria-label="Contents">
      {modules.map((moduleId) => (
        <section key={moduleId}>
          {modules.length > 1 && <h2>{course.modules.find((m) => m.id === moduleId)?.title}</h2>}
          <ol>
            {views.map((view, i) =>
              view.moduleId === moduleId && (view.kind !== 'summary' || moduleId === modules[0]) ? (
                <li key={`${view.kind}-${view.id}`}>
                  <button
                    type="button"
                    className="hcs-sco-nav-item"
                    aria-current={i === current ? 'page' : undefined}
                    data-view={`${view.kind}:${view.id}`}
                    onClick={() => onSelect(i)}
                  >
                    <span className="hcs-sco-nav-kind">{view.kind === 'scenario' ? 'Scenario: ' : ''}</span>
                    {view.title}
                    {stateOf(view, progress) && <span className="hcs-sco-nav-state"> ({stateOf(view, progress)})</span>}
                  </button>
                </li>
              ) : null,
            )}
          </ol>
        </section>
      ))}
    </nav>
  );
}
