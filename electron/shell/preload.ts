// Preload (sandboxed): exposes window.api with the contract's channels and the lock event only,
// and window.yorisoiShell with the allow-listed native file dialogs.
import { contextBridge, ipcRenderer } from 'electron';
import { makePreloadApi, makePreloadShell } from '../security/preload-api';

contextBridge.exposeInMainWorld(
  'api',
  makePreloadApi(
    (channel, input) => ipcRenderer.invoke('yorisoi:call', channel, input),
    (event, listener) => ipcRenderer.on(event, () => listener()),
  ),
);
contextBridge.exposeInMainWorld(
  'yorisoiShell',
  makePreloadShell((request) => ipcRenderer.invoke('yorisoi:pick', request)),
);
