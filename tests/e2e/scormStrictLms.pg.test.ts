// courses/health-creation-pg under the strict Moodle and Open edX runtimes, in Chromium
// (the suite is tests/e2e/helpers/strictLmsSuite.ts).
import { strictLmsSuite } from './helpers/strictLmsSuite';

strictLmsSuite('health-creation-pg');
