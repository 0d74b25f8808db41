// Preload (sandboxed): exposes window.api with the contract's channels only.
import { contextBridge, ipcRenderer } from 'electron';
import { makePreloadApi } from '../security/preload-api';

contextBridge.exposeInMainWorld(
  'api',
  makePreloadApi((channel, input) => ipcRenderer.invoke('yorisoi:call', channel, input)),
);
