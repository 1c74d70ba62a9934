/**
 * The only thing the page gets from Electron: `window.desk`, the contract
 * client (call), host events (onEvent), saving the page as a PDF (printToPdf) and an export where the user chooses (saveFile). No ipcRenderer, no Node, no event
 * objects leak through. Bundled as one CommonJS file: sandboxed preloads
 * cannot load modules of their own.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL, PRINT_PDF_CHANNEL, SAVE_FILE_CHANNEL, type DeskBridge, type DeskEvent } from '../../api/bridge';

const desk = {
  call: (method, input, locale) => ipcRenderer.invoke(CALL_CHANNEL, String(method), input, locale),
  onEvent(cb) {
    const listener = (_e: IpcRendererEvent, event: DeskEvent) => cb(event);
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
  printToPdf: (suggestedName, header) =>
    ipcRenderer.invoke(PRINT_PDF_CHANNEL, String(suggestedName), header ? { title: String(header.title), pageLabel: String(header.pageLabel) } : undefined),
  saveFile: (suggestedName, data) => ipcRenderer.invoke(SAVE_FILE_CHANNEL, String(suggestedName), data),
} satisfies DeskBridge;

contextBridge.exposeInMainWorld('desk', desk);
