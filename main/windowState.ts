// The main window reopens where the learner left it. A saved position can point at a
// monitor that is no longer attached (a laptop taken home from the lab), so it is
// placed back onto a display that exists, and shrunk to fit one if need be.

import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';
import { AtomicJsonFile } from './services/atomicJsonFile';

/** The window's size, position and whether it was maximised. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Size of the window on first start. */
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
/** Smallest window the workbench lays out well in. */
export const MIN_SIZE = { width: 720, height: 480 } as const;
/** How much of the window must overlap a display for its saved position to be kept. */
const MIN_VISIBLE = 120;

const stateShape = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

/**
 * Where to open the window: the saved bounds if enough of them lie on a display, else the
 * same size centred on the first (primary) display; never larger than that display.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const wanted = saved ?? { ...DEFAULT_SIZE, maximized: false };
  const home =
    saved?.x !== undefined && saved.y !== undefined
      ? workAreas.find((area) => overlap(area, { x: saved.x!, y: saved.y!, width: saved.width, height: saved.height }) >= MIN_VISIBLE)
      : undefined;
  const area = home ?? primary;
  const width = clamp(wanted.width, Math.min(MIN_SIZE.width, area.width), area.width);
  const height = clamp(wanted.height, Math.min(MIN_SIZE.height, area.height), area.height);
  const x = home ? clamp(saved!.x!, area.x, area.x + area.width - width) : area.x + Math.round((area.width - width) / 2);
  const y = home ? clamp(saved!.y!, area.y, area.y + area.height - height) : area.y + Math.round((area.height - height) / 2);
  return { x, y, width, height, maximized: wanted.maximized };
}

/** Reads the saved state; a missing or damaged file just means the default placement. */
export async function readWindowState(file: string): Promise<WindowState | undefined> {
  try {
    const parsed = stateShape.safeParse(await new AtomicJsonFile<unknown>(file).read());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the window's state when it moves or resizes (debounced) and when it closes. */
export function rememberWindowState(win: BrowserWindow, file: string, debounceMs = 500): void {
  const adapter = new AtomicJsonFile<WindowState>(file);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const bounds = win.isMaximized() ? win.getNormalBounds() : win.getBounds();
    adapter.write({ ...bounds, maximized: win.isMaximized() }).catch(() => undefined);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? Math.min(w, h) : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
