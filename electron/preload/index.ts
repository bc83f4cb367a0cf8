/** The whole bridge: one invoke function on window.tonghop. Nothing else crosses. */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from '../../shared/api/ipc';

const bridge = {
  invoke: (method: string, args: unknown) => ipcRenderer.invoke(IPC_CHANNEL, String(method), args),
};

contextBridge.exposeInMainWorld('tonghop', bridge);
