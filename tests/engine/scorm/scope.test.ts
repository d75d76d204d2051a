// What each SCO covers: its modules, always in course order, found by id.

import { describe, expect, it } from 'vitest';
import { scoScopes, scopeLessons, scopeModules } from '../../../engine/scorm/scope';
import { fakeCourse, fakeLesson, fakeModule } from '../../fakes/fakeCourse';

const course = fakeCourse({
  modules: ['one', 'two', 'three', 'four'].map((id) => fakeModule({ id, lessons: [fakeLesson({ id: `${id}-lesson` })] })),
});

describe('the modules of a SCO', () => {
  it('are one module per SCO by default, and every module for a course SCO', () => {
    expect(scoScopes(course, 'module').map((s) => scopeModules(course, s).map((m) => m.id))).toEqual([['one'], ['two'], ['three'], ['four']]);
    expect(scopeModules(course, scoScopes(course, 'course')[0]!).map((m) => m.id)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('come in course order whatever order the scope names them in', () => {
    const scope = { id: 'mixed', title: 'Mixed', moduleIds: ['four', 'one', 'three'] };
    expect(scopeModules(course, scope).map((m) => m.id)).toEqual(['one', 'three', 'four']);
    expect(scopeLessons(course, scope).map((l) => l.id)).toEqual(['one-lesson', 'three-lesson', 'four-lesson']);
  });

  it('leave out an id the course does not have', () => {
    expect(scopeModules(course, { id: 'x', title: 'X', moduleIds: ['two', 'gone'] }).map((m) => m.id)).toEqual(['two']);
  });

  it('are those of the course asked about, even for two courses whose modules share ids', () => {
    const other = fakeCourse({ modules: [fakeModule({ id: 'two', title: 'The other two' })] });
    const scope = { id: 'two', title: 'Two', moduleIds: ['two'] };
    expect(scopeModules(other, scope)[0]?.title).toBe('The other two');
    expect(scopeModules(course, scope)[0]).toBe(course.modules[1]);
  });
});
