import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SIZE, placeWindow, readWindowState, rememberWindowState } from '../../../main/windowState';
import { tempDir } from '../tempDir';
import { FakeBrowserWindow } from './fakeElectron';

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const monitorOnRight = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('window placement', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    expect(placeWindow(undefined, [laptop])).toEqual({
      x: (1440 - DEFAULT_SIZE.width) / 2,
      y: (860 - DEFAULT_SIZE.height) / 2,
      ...DEFAULT_SIZE,
      maximized: false,
    });
  });

  it('reopens exactly where it was on a display that is still there', () => {
    const saved = { x: 1600, y: 100, width: 1800, height: 1100, maximized: false };
    expect(placeWindow(saved, [laptop, monitorOnRight])).toEqual(saved);
  });

  it('comes back onto the primary display when the monitor it was on is gone', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeWindow(saved, [laptop])).toEqual({ x: 120, y: 30, width: 1200, height: 800, maximized: false });
  });

  it('shrinks to fit a smaller display and keeps the title bar on screen', () => {
    const saved = { x: -50, y: -40, width: 1800, height: 1100, maximized: false };
    expect(placeWindow(saved, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 860, maximized: false });
  });

  it('pulls a window hanging off the edge back inside the display', () => {
    const saved = { x: 1300, y: 700, width: 800, height: 600, maximized: false };
    expect(placeWindow(saved, [laptop])).toEqual({ x: 640, y: 260, width: 800, height: 600, maximized: false });
  });

  it('remembers that the window was maximised', () => {
    expect(placeWindow({ x: 10, y: 10, width: 900, height: 700, maximized: true }, [laptop]).maximized).toBe(true);
  });
});

describe('saved window state', () => {
  it('is written when the window closes and read back on the next start', async () => {
    const file = path.join(await tempDir(), 'window-state.json');
    const win = new FakeBrowserWindow({ x: 200, y: 150, width: 1000, height: 700 });
    rememberWindowState(win as never, file);
    win.emit('close');
    await vi.waitFor(async () => expect(await readWindowState(file)).toEqual({ x: 200, y: 150, width: 1000, height: 700, maximized: false }));
  });

  it('keeps the size from before maximising, plus the maximised flag', async () => {
    const file = path.join(await tempDir(), 'window-state.json');
    const win = new FakeBrowserWindow({ x: 0, y: 0, width: 1920, height: 1040 });
    win.isMaximized.mockReturnValue(true);
    win.getNormalBounds.mockReturnValue({ x: 100, y: 100, width: 1100, height: 720 });
    rememberWindowState(win as never, file);
    win.emit('close');
    await vi.waitFor(async () => expect(await readWindowState(file)).toEqual({ x: 100, y: 100, width: 1100, height: 720, maximized: true }));
  });

  it('is saved shortly after the window moves or resizes', async () => {
    const file = path.join(await tempDir(), 'window-state.json');
    const win = new FakeBrowserWindow({ x: 5, y: 5, width: 900, height: 600 });
    rememberWindowState(win as never, file, 10);
    win.bounds = { x: 50, y: 60, width: 900, height: 600 };
    win.emit('move');
    await vi.waitFor(async () => expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ x: 50, y: 60 }));
  });

  it('falls back to the default placement when the file is missing or damaged', async () => {
    const dir = await tempDir();
    expect(await readWindowState(path.join(dir, 'none.json'))).toBeUndefined();
    await writeFile(path.join(dir, 'bad.json'), '{"width": "wide"');
    expect(await readWindowState(path.join(dir, 'bad.json'))).toBeUndefined();
    await writeFile(path.join(dir, 'odd.json'), '{"width": -5, "height": 10, "maximized": false}');
    expect(await readWindowState(path.join(dir, 'odd.json'))).toBeUndefined();
  });
});
