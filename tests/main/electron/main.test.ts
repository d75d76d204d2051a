import { beforeAll, describe, expect, it, vi } from 'vitest';
import { STUDIO_API_METHODS, channelOf, ok } from '../../../engine/api/studioApi';
import { userDataDir } from '../../../main/userData';
import { FakeBrowserWindow, FakeWebContents, fakeElectron } from './fakeElectron';

const electron = fakeElectron();
vi.mock('electron', () => electron);

const openStudio = vi.fn(async (_options: unknown) => ({
  api: new Proxy({}, { get: (_t, method) => async () => ok(method) }),
  catalog: { rootOf: async () => undefined },
  store: {},
}));
vi.mock('../../../main/studio', () => ({
  openStudio,
  checkoutPaths: (root: string) => ({ rendererDir: `${root}/dist/renderer`, courseRoots: [`${root}/courses`], scormRuntimeDir: '', scormXsdDir: '' }),
}));

let schemeRegisteredBeforeReady = false;

beforeAll(async () => {
  await import('../../../main/main');
  schemeRegisteredBeforeReady = electron.protocol.registerSchemesAsPrivileged.mock.calls.length === 1 && openStudio.mock.calls.length === 0;
  electron.becomeReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
});

describe('desktop start-up', () => {
  it('registers the hcs: scheme and enables the sandbox before the app is ready', () => {
    expect(schemeRegisteredBeforeReady).toBe(true);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
  });

  it('takes the single-instance lock so two copies never write the progress file at once', () => {
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('keeps progress in the same per-user folder as browser mode derives, and serves media from hcs://course', () => {
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', userDataDir());
    const options = openStudio.mock.calls[0]![0] as { dataDir: string; assetBase: (id: string) => string; environment: { mode: string } };
    expect(options.dataDir).toBe('/tmp/hcs-fake-user-data');
    expect(options.assetBase('ug')).toBe('hcs://course/ug/');
    expect(options.environment.mode).toBe('desktop');
  });

  it('opens one window with isolation, the sandbox, no Node and web security', () => {
    const [win] = FakeBrowserWindow.created;
    expect(win!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/opt/studio/dist/main/preload.cjs',
    });
    expect(win!.options.show).toBe(false);
    expect(win!.loadURL).toHaveBeenCalledWith('hcs://app/index.html');
  });

  it('serves the app through protocol.handle and applies the CSP and permission refusals to the session', () => {
    expect(electron.protocol.handle).toHaveBeenCalledWith('hcs', expect.any(Function));
    expect(electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
  });

  it('registers an IPC handler for every Studio API channel', () => {
    expect(electron.ipcMain.handle.mock.calls.map((c) => c[0])).toEqual(STUDIO_API_METHODS.map(channelOf));
  });

  it('guards navigation of every web contents the app creates, asking in the window before a link leaves the app', async () => {
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-navigate', event, 'https://example.org/declined');
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1));
    const [owner, options] = electron.dialog.showMessageBox.mock.calls[0]! as [unknown, { detail: string }];
    expect(owner).toBe(FakeBrowserWindow.created[0]);
    expect(options.detail).toBe('https://example.org/declined');
    expect(electron.shell.openExternal).not.toHaveBeenCalled();

    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    contents.emit('will-navigate', { preventDefault: vi.fn() }, 'https://example.org/agreed');
    await vi.waitFor(() => expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.org/agreed'));
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('installed paths', () => {
  it('mark the courses installed with the app as read-only, so editing one offers a copy instead', async () => {
    const { installedPaths } = await import('../../../main/main');
    const paths = installedPaths('/opt/hcs/resources/app.asar', '/opt/hcs/resources');
    expect(paths.courseRoots).toEqual(['/opt/hcs/resources/courses']);
    expect(paths.readOnlyCourseRoots).toEqual(paths.courseRoots);
  });
});
