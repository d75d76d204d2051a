// The desktop app's entry: registers the hcs: scheme, assembles the back end, applies
// the security baseline and opens the window. Everything here is wiring; the services
// it wires are plain Node code, tested without Electron.

import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import type { ExportRequest } from '../engine/api/studioApi';
import { registerIpcHandlers } from './ipc';
import { openMainWindow } from './mainWindow';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createRecordPrinter } from './recordPrinter';
import { confirmExternalLink, enforceCsp, guardNavigation, refusePermissions } from './security';
import { checkoutPaths, openStudio, type AppPaths } from './studio';
import { userDataDir } from './userData';

/** Paths in an installed app: code inside app.asar, course packs and schemas beside it. */
export function installedPaths(appPath: string, resourcesPath: string): AppPaths {
  // The renderer and SCORM runtime are unpacked from the asar archive (electron-builder.yml)
  // so the protocol can check real paths with realpath.
  const unpacked = appPath.replace(/app\.asar$/, 'app.asar.unpacked');
  return {
    rendererDir: path.join(unpacked, 'dist', 'renderer'),
    courseRoots: [path.join(resourcesPath, 'courses')],
    readOnlyCourseRoots: [path.join(resourcesPath, 'courses')],
    scormRuntimeDir: path.join(unpacked, 'dist', 'scorm-runtime'),
    scormXsdDir: path.join(resourcesPath, 'scorm-xsd'),
  };
}

/** Asks where to save an export, offering the course id and standard as the file name. */
async function askExportPath(request: ExportRequest): Promise<string | undefined> {
  const owner = BrowserWindow.getFocusedWindow();
  const options = {
    title: 'Export SCORM package',
    defaultPath: request.outPath ?? `${request.courseId}-${request.standard}.zip`,
    filters: [{ name: 'SCORM package', extensions: ['zip'] }],
  };
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return choice.canceled ? undefined : choice.filePath;
}

/** Assembles the back end and opens the window once Electron is ready. */
export async function startDesktop(): Promise<void> {
  const appPath = app.getAppPath();
  const paths = app.isPackaged ? installedPaths(appPath, process.resourcesPath) : checkoutPaths(appPath);
  const userData = app.getPath('userData');
  const studio = await openStudio({
    paths,
    dataDir: userData,
    environment: { mode: 'desktop', platform: process.platform, version: app.getVersion() },
    assetBase: (courseId) => `hcs://course/${courseId}/`,
    chooseExportPath: askExportPath,
    recordWriter: createRecordPrinter({ BrowserWindow, dialog, defaultDir: app.getPath('documents') }),
    documentsDir: app.getPath('documents'),
  });
  app.on('will-quit', () => studio.close());
  enforceCsp(session.defaultSession);
  refusePermissions(session.defaultSession);
  handleAppProtocol(protocol, { rendererDir: paths.rendererDir, courseRoot: (id) => studio.catalog.rootOf(id) });
  registerIpcHandlers(ipcMain, studio.sessions);
  const confirmExternal = confirmExternalLink(dialog, (contents) => BrowserWindow.fromWebContents(contents));
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, shell, confirmExternal));
  const open = () =>
    openMainWindow({
      BrowserWindow,
      screen,
      preload: path.join(appPath, 'dist', 'main', 'preload.cjs'),
      stateFile: path.join(userData, 'window-state.json'),
    });
  await open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void open();
  });
}

registerAppScheme(protocol);
app.enableSandbox();
// One data folder whatever the build calls itself (a packaged app takes its product
// name), and the same one browser mode and the command line derive from.
app.setPath('userData', userDataDir());
// Two copies of the app would each write the progress file over the other's changes.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(startDesktop).catch(fatal);
}

function fatal(error: unknown): void {
  console.error(error);
  dialog.showErrorBox('Health Creation Studio could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}
