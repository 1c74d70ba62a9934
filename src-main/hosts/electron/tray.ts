/**
 * The tray icon: shows at a glance whether any deadline is approaching or
 * breached, lists the monthly report's reminders and the most urgent tickets,
 * and offers Open, Lock and Quit.
 * The service process's summary drives it through `setState` (see
 * tray-view.ts); the controller only draws.
 */
import path from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../core/messages';
import { label } from './labels';

export const TRAY_STATES = ['clear', 'approaching', 'breached'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

export interface TrayCounts {
  approaching: number;
  breached: number;
  /** Volume warnings not yet reviewed. */
  warnings?: number;
}

export interface TrayTicket {
  /** The ticket's id, passed to `openTicket`. */
  id: number;
  ticketNo: string;
  /** Short words after the number, e.g. the clock and how late. */
  detail?: string;
}

export interface TrayActions {
  open(): void;
  lock(): void;
  quit(): void;
  openTicket?(id: number): void;
}

/** At most this many tickets are listed in the menu; the rest are in the console. */
const MAX_TICKETS = 5;

export class TrayController {
  private readonly tray: Tray;
  private state: TrayState = 'clear';

  constructor(
    private readonly iconDir: string,
    private readonly locale: Locale,
    private readonly actions: TrayActions,
  ) {
    this.tray = new Tray(this.icon('clear'));
    this.tray.on('click', () => actions.open());
    this.setState('clear', { approaching: 0, breached: 0 }, [], []);
  }

  get current(): TrayState {
    return this.state;
  }

  /** `notes`: the monthly report's reminders, listed above the tickets; a click opens the console. */
  setState(state: TrayState, counts: TrayCounts, topTickets: readonly TrayTicket[], notes: readonly string[] = []): void {
    if (state !== this.state) this.tray.setImage(this.icon(state));
    this.state = state;
    this.tray.setToolTip(this.tooltip(counts, notes));
    this.tray.setContextMenu(Menu.buildFromTemplate(this.menu(topTickets, notes)));
  }

  destroy(): void {
    this.tray.destroy();
  }

  private icon(state: TrayState) {
    // tray-<state>.png is 16 px; Electron picks tray-<state>@2x.png on HiDPI screens.
    return nativeImage.createFromPath(path.join(this.iconDir, `tray-${state}.png`));
  }

  private tooltip(counts: TrayCounts, notes: readonly string[]): string {
    const l = this.locale;
    const name = label('appName', l);
    const reminders = notes.length > 0 ? ` · ${label('reportReminder', l)} ${notes.length}` : '';
    const warnings = counts.warnings ?? 0;
    if (counts.breached === 0 && counts.approaching === 0 && warnings === 0) return `${name} · ${label('clear', l)}${reminders}`;
    const parts: string[] = [];
    if (warnings > 0) parts.push(`${label('newWarnings', l)} ${warnings}`);
    if (counts.breached > 0) parts.push(`${label('breached', l)} ${counts.breached}`);
    if (counts.approaching > 0) parts.push(`${label('approaching', l)} ${counts.approaching}`);
    return `${name} · ${parts.join(' · ')}${reminders}`;
  }

  private menu(tickets: readonly TrayTicket[], notes: readonly string[]): MenuItemConstructorOptions[] {
    const l = this.locale;
    const a = this.actions;
    const reminders = notes.map((n): MenuItemConstructorOptions => ({ label: n, click: () => a.open() }));
    const listed = tickets.slice(0, MAX_TICKETS).map(
      (t): MenuItemConstructorOptions => ({
        label: t.detail ? `${t.ticketNo}  ${t.detail}` : t.ticketNo,
        enabled: Boolean(a.openTicket),
        click: () => a.openTicket?.(t.id),
      }),
    );
    return [
      ...reminders,
      ...(reminders.length > 0 ? [{ type: 'separator' as const }] : []),
      ...listed,
      ...(listed.length > 0 ? [{ type: 'separator' as const }] : []),
      { label: label('open', l), click: () => a.open() },
      { label: label('lock', l), click: () => a.lock() },
      { type: 'separator' },
      { label: label('quit', l), click: () => a.quit() },
    ];
  }
}
