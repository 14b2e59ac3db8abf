import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, createBridge, IPC_CHANNEL } from '../api/bridge';
import { METHODS } from '../api/contract';
import { createShellBridge, SHELL_CHANNEL, SHELL_GLOBAL } from '../api/shell';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createBridge(METHODS, (method, payload) => ipcRenderer.invoke(IPC_CHANNEL, method, payload)),
);
contextBridge.exposeInMainWorld(
  SHELL_GLOBAL,
  createShellBridge((request) => ipcRenderer.invoke(SHELL_CHANNEL, request)),
);
