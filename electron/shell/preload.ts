// Preload (sandboxed): exposes window.api with the contract's channels and the lock event only.
import { contextBridge, ipcRenderer } from 'electron';
import { makePreloadApi } from '../security/preload-api';

contextBridge.exposeInMainWorld(
  'api',
  makePreloadApi(
    (channel, input) => ipcRenderer.invoke('yorisoi:call', channel, input),
    (event, listener) => ipcRenderer.on(event, () => listener()),
  ),
);
