/**
 * The application menu. Small on purpose: the console's own navigation lives
 * in the page. Reload and developer tools only while developing.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../core/messages';
import { label } from './labels';

export interface MenuActions {
  lock(): void;
  quit(): void;
  about(): void;
}

export function appMenuTemplate(locale: Locale, actions: MenuActions, dev: boolean): MenuItemConstructorOptions[] {
  return [
    {
      label: label('file', locale),
      submenu: [
        { label: label('lock', locale), accelerator: 'CmdOrCtrl+L', click: () => actions.lock() },
        { type: 'separator' },
        { label: label('quit', locale), accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: label('edit', locale),
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: label('view', locale),
      submenu: [
        ...(dev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: label('help', locale), submenu: [{ label: label('about', locale), click: () => actions.about() }] },
  ];
}
