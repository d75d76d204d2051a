import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const config = parse(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8'));
// electron-builder's own schema of its configuration: a fuse it does not know would be ignored silently.
const builderSchema = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
  definitions: { FuseOptionsV1: { properties: Record<string, { type: string }>; additionalProperties: boolean } };
};

describe('desktop packaging', () => {
  it('names the app and packs the built code, courses and package.json', () => {
    expect(config.appId).toBe('org.healthcreation.studio');
    expect(config.productName).toBe('Health Creation Studio');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'courses/**', 'package.json']));
  });

  it('builds an AppImage and a deb for Linux, an NSIS installer for Windows and a dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('ships the course packs and SCORM schemas as plain files from folders that exist', () => {
    for (const { from, to } of config.extraResources) {
      expect(existsSync(path.join(repoRoot, from)), `${from} should exist`).toBe(true);
      expect(['courses', 'scorm-xsd']).toContain(to);
    }
  });

  it('flips Electron’s fuses: no run-as-Node, no NODE_OPTIONS or --inspect, code only from a verified asar, encrypted cookies', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
    const known = builderSchema.definitions.FuseOptionsV1;
    expect(known.additionalProperties).toBe(false);
    for (const [fuse, value] of Object.entries(config.electronFuses as Record<string, unknown>)) {
      expect(known.properties[fuse], `electron-builder knows the fuse ${fuse}`).toBeDefined();
      expect(typeof value).toBe(known.properties[fuse]!.type);
    }
  });

  it('packs the app into an asar archive, which the only-load-from-asar fuse needs', () => {
    expect(config.asar ?? true).toBe(true);
  });
});
