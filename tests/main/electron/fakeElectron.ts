// A stand-in for the electron module (which cannot run here): every API the shell
// touches is a spy, so the tests can assert exactly what the shell asked Electron for.

import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** A fake BrowserWindow that records its options and what was loaded. */
export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  static getAllWindows = vi.fn(() => FakeBrowserWindow.created);
  static getFocusedWindow = vi.fn(() => FakeBrowserWindow.created[0] ?? null);
  static fromWebContents = vi.fn((_contents: unknown) => FakeBrowserWindow.created[0] ?? null);
  bounds: { x: number; y: number; width: number; height: number };
  loadURL = vi.fn(async (_url: string) => undefined);
  loadFile = vi.fn(async (_file: string) => undefined);
  destroy = vi.fn();
  /** What Chromium would print: a stand-in PDF, since no page is ever rendered here. */
  webContents = { printToPDF: vi.fn(async (_options: Record<string, unknown>) => Buffer.from('%PDF-1.7 stand-in')) };
  show = vi.fn();
  maximize = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isDestroyed = vi.fn(() => false);
  isMinimized = vi.fn(() => false);
  isMaximized = vi.fn(() => false);
  getBounds = vi.fn(() => this.bounds);
  getNormalBounds = vi.fn(() => this.bounds);
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    this.bounds = { x: Number(options.x), y: Number(options.y), width: Number(options.width), height: Number(options.height) };
    FakeBrowserWindow.created.push(this);
  }
}

/** Fake web contents: events plus a window-open handler slot. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
}

/** Fake session with its webRequest hooks and permission handlers. */
export function fakeSession() {
  return {
    webRequest: { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };
}

/** The whole fake module. */
export function fakeElectron() {
  const appEvents = new EventEmitter();
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const defaultSession = fakeSession();
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  return {
    /** Resolves app.whenReady(), as Electron does once it has started. */
    becomeReady: () => ready(),
    handlers,
    app: {
      whenReady: vi.fn(() => whenReady),
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      on: vi.fn((event: string, listener: (...a: unknown[]) => void) => appEvents.on(event, listener)),
      emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
      getAppPath: vi.fn(() => '/opt/studio'),
      getPath: vi.fn(() => '/tmp/hcs-fake-user-data'),
      setPath: vi.fn(),
      getVersion: vi.fn(() => '0.1.0'),
      isPackaged: false,
      quit: vi.fn(),
      exit: vi.fn(),
    },
    BrowserWindow: FakeBrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler)) },
    session: { defaultSession, fromPartition: vi.fn(() => fakeSession()) },
    shell: { openExternal: vi.fn(async () => undefined) },
    screen: { getAllDisplays: vi.fn(() => [display]), getPrimaryDisplay: vi.fn(() => display) },
    // Cancel unless a test answers otherwise: nothing leaves the app without the learner's yes.
    dialog: { showSaveDialog: vi.fn(), showErrorBox: vi.fn(), showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 1, checkboxChecked: false })) },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn() },
  };
}
