// The one window of the desktop app: secure web preferences, placed where the learner
// left it, shown only once painted so it never flashes white.

import type { BrowserWindow as BrowserWindowClass, Screen } from 'electron';
import { APP_ENTRY_URL } from './protocol';
import { appWebPreferences } from './security';
import { MIN_SIZE, placeWindow, readWindowState, rememberWindowState } from './windowState';

/** What opening the window needs from Electron and the file system. */
export interface MainWindowDeps {
  BrowserWindow: typeof BrowserWindowClass;
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
  /** Absolute path of the built preload script. */
  preload: string;
  /** File the window's size and position are kept in. */
  stateFile: string;
}

/** Opens the main window on the app's entry page. */
export async function openMainWindow(deps: MainWindowDeps): Promise<BrowserWindowClass> {
  const primary = deps.screen.getPrimaryDisplay();
  const areas = [primary, ...deps.screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const placed = placeWindow(await readWindowState(deps.stateFile), areas);
  const win = new deps.BrowserWindow({
    x: placed.x,
    y: placed.y,
    width: placed.width,
    height: placed.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Health Creation Studio',
    show: false,
    webPreferences: appWebPreferences(deps.preload),
  });
  if (placed.maximized) win.maximize();
  rememberWindowState(win, deps.stateFile);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(APP_ENTRY_URL);
  return win;
}
