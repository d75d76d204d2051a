import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const config = parse(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8'));

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
});
