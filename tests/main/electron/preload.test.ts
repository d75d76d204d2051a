import { beforeAll, describe, expect, it, vi } from 'vitest';
import { STUDIO_API_METHODS, type StudioApi } from '../../../engine/api/studioApi';
import { fakeElectron } from './fakeElectron';

const electron = fakeElectron();
vi.mock('electron', () => electron);

let exposed: { name: string; api: StudioApi };

beforeAll(async () => {
  await import('../../../main/preload');
  const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, StudioApi];
  exposed = { name, api };
});

describe('preload bridge', () => {
  it('exposes one object, window.studio, once', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(exposed.name).toBe('studio');
  });

  it('holds exactly the Studio API methods and nothing else (no ipcRenderer)', () => {
    expect(Object.keys(exposed.api).sort()).toEqual([...STUDIO_API_METHODS].sort());
    for (const method of STUDIO_API_METHODS) expect(typeof exposed.api[method]).toBe('function');
    expect(Object.values(exposed.api)).not.toContain(electron.ipcRenderer);
    expect(Object.isFrozen(exposed.api)).toBe(true);
  });

  it('sends each method on its own hcs:api: channel', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: [] });
    await exposed.api.getProgress('learner-1', 'ug');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('hcs:api:getProgress', 'learner-1', 'ug');
  });

  it('turns a lost main process into a sentence rather than a thrown error', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('reply was never sent'));
    expect(await exposed.api.listCourses()).toEqual({
      ok: false,
      error: { code: 'ipc', message: 'The app’s back end did not answer; close Health Creation Studio and open it again.' },
    });
  });
});

describe('channel check', () => {
  it('refuses to bridge a channel outside the Studio API prefix', async () => {
    vi.resetModules();
    vi.doMock('../../../engine/api/studioApi', async (importOriginal) => ({
      ...(await importOriginal<object>()),
      channelOf: (method: string) => `other:${method}`,
    }));
    electron.contextBridge.exposeInMainWorld.mockClear();
    await expect(import('../../../main/preload')).rejects.toThrow('Refusing to bridge "other:getEnvironment": it is not a Studio API channel.');
    expect(electron.contextBridge.exposeInMainWorld).not.toHaveBeenCalled();
    vi.doUnmock('../../../engine/api/studioApi');
  });
});
