// The progress file outlives any one version of the app, so its shape carries a schema
// version and each change to the shape comes with a migration from the version before.
// A file from a newer app is never guessed at: the store sets it aside untouched.

/** Schema version this build writes. */
export const CURRENT_SCHEMA_VERSION = 2;

/** Upgrades stored data by exactly one version. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations keyed by the version they upgrade from: MIGRATIONS[1] turns version 1 into 2.
 *
 * Version 2 lets a learner carry a PIN hash and a count of wrong PINs. A version-1 file
 * has no PINs, so its data is already a valid version 2; the number still goes up so
 * that an older app, which knows nothing of PINs, never saves over a file that has
 * them: it finds a newer file, saves nothing and says so.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (data) => data,
};

/** The outcome of bringing stored data up to the current version. */
export type MigrationResult =
  | { ok: true; data: Record<string, unknown>; from: number }
  | { ok: false; problem: 'no-version' | 'newer' | 'no-migration'; version?: number };

/** Applies migrations in order until the data reaches `target`. */
export function migrate(
  stored: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { ok: false, problem: 'no-version' };
  const from = (stored as { schemaVersion?: unknown }).schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return { ok: false, problem: 'no-version' };
  if (from > target) return { ok: false, problem: 'newer', version: from };
  let data = stored as Record<string, unknown>;
  for (let version = from; version < target; version++) {
    const step = migrations[version];
    if (!step) return { ok: false, problem: 'no-migration', version };
    data = { ...step(data), schemaVersion: version + 1 };
  }
  return { ok: true, data, from };
}
