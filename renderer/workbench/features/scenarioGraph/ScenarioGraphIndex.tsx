// The list an author opens a Scenario Graph from: every course they can edit, each with
// its scenario files (a broken course's too) and how many errors each file has.

import { useEffect, useState } from 'react';
import type { CourseEntry, ScenarioFileEntry } from '../../../../engine/api/studioApi';
import { useServices, useSession } from '../../WorkbenchContext';

/** The courses an author can map, and their scenario files. */
export function ScenarioGraphIndex() {
  const courses = useSession((s) => s.context.courses);
  const editable = courses.filter((c) => !c.readOnly);
  return (
    <section className="sg-index" aria-label="Scenario Graphs">
      <h2>Scenario Graphs</h2>
      {editable.length === 0 ? (
        <p>Every course here is installed with the app and is not edited in place. Save a copy of a course to map its scenarios.</p>
      ) : (
        editable.map((course) => <CourseScenarios key={course.id} course={course} />)
      )}
    </section>
  );
}

function CourseScenarios({ course }: { course: CourseEntry }) {
  const services = useServices();
  const [files, setFiles] = useState<{ list?: ScenarioFileEntry[]; error?: string }>({});
  useEffect(() => {
    let alive = true;
    void services.api.listScenarioFiles(course.id).then((got) => alive && setFiles(got.ok ? { list: got.value } : { error: got.error.message }));
    return () => {
      alive = false;
    };
  }, [services, course.id]);
  const headingId = `sg-index-${course.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{course.title}</h3>
      {files.error ? <p role="alert">{files.error}</p> : null}
      {!files.list && !files.error ? <p className="wb-loading">Finding its scenarios…</p> : null}
      {files.list?.length === 0 ? <p>This course has no scenario files yet.</p> : null}
      {files.list && files.list.length > 0 ? (
        <ul className="sg-index-files">
          {files.list.map((f) => (
            <li key={f.file}>
              <button type="button" className="sg-link" onClick={() => void services.openTab({ courseId: course.id, kind: 'scenarioGraph', itemId: f.file })}>
                {f.title ?? f.file}
              </button>{' '}
              <span className="sg-index-meta">
                <code>{f.file}</code>
                {f.errors > 0 ? ` · ${f.errors} ${f.errors === 1 ? 'error' : 'errors'}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
