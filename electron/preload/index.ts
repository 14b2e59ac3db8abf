import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, createBridge, IPC_CHANNEL } from '../api/bridge';
import { METHODS } from '../api/contract';
import { createPrintBridge, PRINT_CHANNEL, PRINT_GLOBAL } from '../api/print-bridge';
import { createShellBridge, SHELL_COMMAND_CHANNEL, SHELL_COMMANDS, SHELL_GLOBAL, SHELL_LANGUAGE_CHANNEL, SHELL_UNDO_CHANNEL, SHELL_OPEN_RECEIPT_CHANNEL } from '../api/shell';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createBridge(METHODS, (method, payload) => ipcRenderer.invoke(IPC_CHANNEL, method, payload)),
);

// Menu commands in, the page's language out; nothing else of ipcRenderer reaches the page.
contextBridge.exposeInMainWorld(
  SHELL_GLOBAL,
  createShellBridge(
    SHELL_COMMANDS,
    (listener) => {
      const handler = (_event: Electron.IpcRendererEvent, command: unknown) => listener(command);
      ipcRenderer.on(SHELL_COMMAND_CHANNEL, handler);
      return () => void ipcRenderer.removeListener(SHELL_COMMAND_CHANNEL, handler);
    },
    (language) => ipcRenderer.send(SHELL_LANGUAGE_CHANNEL, language),
    (state) => ipcRenderer.send(SHELL_UNDO_CHANNEL, state),
    (request) => ipcRenderer.invoke(SHELL_OPEN_RECEIPT_CHANNEL, request),
  ),
);

// Printing and saving the overview as PDF: requests out, validated again in main.
contextBridge.exposeInMainWorld(
  PRINT_GLOBAL,
  createPrintBridge((request) => ipcRenderer.invoke(PRINT_CHANNEL, request)),
);
