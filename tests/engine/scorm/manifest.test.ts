import { describe, expect, it } from 'vitest';
import type { Standard } from '../../../engine/scorm/cmiMapping';
import type { PackageLayout } from '../../../engine/scorm/manifest';
import { buildManifest } from '../../../engine/scorm/manifest';
import type { ScoMode } from '../../../engine/scorm/scope';
import { scoScopes } from '../../../engine/scorm/scope';
import { fakeScormCourse } from './fakeScormCourse';
import { validateManifest } from './validateManifest';

const course = fakeScormCourse();

function layout(mode: ScoMode): PackageLayout {
  return {
    sharedFiles: ['runtime/scorm.css', 'runtime/scorm.js'],
    scos: scoScopes(course, mode).map((scope) => ({ scope, launch: `sco-${scope.id}.html`, files: [`sco-${scope.id}.html`] })),
  };
}

describe('buildManifest', () => {
  for (const standard of ['scorm12', 'scorm2004'] as Standard[]) {
    for (const mode of ['module', 'course'] as ScoMode[]) {
      it(`validates against the official ${standard} schemas with one SCO per ${mode}`, () => {
        const check = validateManifest(buildManifest(course, standard, layout(mode)), standard);
        expect(check.errors).toEqual([]);
        expect(check.valid).toBe(true);
      });
    }
  }

  it('mirrors the modules as items, each pointing at its own SCO resource', () => {
    const xml = buildManifest(course, 'scorm2004', layout('module'));
    expect(xml).toContain('<item identifier="ITEM-module-1" identifierref="RES-module-1" isvisible="true">');
    expect(xml).toContain('<resource identifier="RES-module-2" type="webcontent" adlcp:scormType="sco" href="sco-module-2.html">');
    expect(xml).toContain('<dependency identifierref="RES-shared-runtime"/>');
  });

  it('escapes the course\'s text in metadata', () => {
    const xml = buildManifest(course, 'scorm12', layout('course'));
    expect(xml).toContain('Health Creation &amp; Practice');
    expect(xml).toContain('&lt;with&gt; &quot;specials&quot;');
  });

  it('gives SCORM 1.2 LMSs the module mastery score', () => {
    expect(buildManifest(course, 'scorm12', layout('module'))).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
  });

  it('writes no sequencing rules into a SCORM 2004 package', () => {
    expect(buildManifest(course, 'scorm2004', layout('module'))).not.toContain('<imsss:sequencing');
  });

  it('gives the same bytes for the same course', () => {
    expect(buildManifest(course, 'scorm2004', layout('module'))).toBe(buildManifest(fakeScormCourse(), 'scorm2004', layout('module')));
  });
});

describe('validateManifest', () => {
  it('rejects a manifest with an element the schema does not allow', () => {
    const xml = buildManifest(course, 'scorm2004', layout('module')).replace('<organizations', '<organisations').replace('</organizations>', '</organisations>');
    expect(validateManifest(xml, 'scorm2004').valid).toBe(false);
  });
});
