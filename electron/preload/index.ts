import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, createBridge, IPC_CHANNEL } from '../api/bridge';
import { METHODS } from '../api/contract';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createBridge(METHODS, (method, payload) => ipcRenderer.invoke(IPC_CHANNEL, method, payload)),
);
