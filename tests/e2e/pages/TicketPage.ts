/** One ticket: header, facts, the action panel and the history. */
import type { Locator, Page } from 'playwright-core';

export interface HistoryEntry {
  time: string;
  actor: string;
  action: string;
  text: string;
}

/** The form fields an action asks for, by their zh-CN labels. */
export interface ActionFields {
  reason?: string;
  note?: string;
  rootCause?: string;
  satisfaction?: '满意' | '基本满意' | '不满意';
  department?: string;
  assignee?: string;
  level?: string;
}

export class TicketPage {
  constructor(readonly page: Page) {}

  get ticketNo(): Locator {
    return this.page.getByTestId('ticket-no');
  }
  get status(): Locator {
    return this.page.getByTestId('ticket-status');
  }
  get panel(): Locator {
    return this.page.getByTestId('action-panel');
  }
  get actionError(): Locator {
    return this.page.getByTestId('action-error');
  }
  get actionDone(): Locator {
    return this.page.getByTestId('action-done');
  }
  fact(id: 'department' | 'assignee' | 'first-responder' | 'satisfaction'): Locator {
    return this.page.getByTestId(`fact-${id}`).locator('dd');
  }

  /** A deadline clock's state as the page shows it (running, paused, met, breached). */
  async clockState(clock: 'first_response' | 'resolution' | 'follow_up'): Promise<string | null> {
    return this.page.getByTestId('clocks').locator(`[data-clock="${clock}"]`).first().getAttribute('data-state');
  }

  /** The version the page is showing (what tickets/act will be sent with). */
  async version(): Promise<number> {
    return Number(await this.page.locator('.ticket-page').getAttribute('data-version'));
  }

  /** Labels of the action buttons offered, in order. */
  async offeredActions(): Promise<string[]> {
    return this.panel.locator('.action-buttons button').allInnerTexts();
  }

  /** Start an action; fill its form if it has one; confirm. Does not wait for the outcome. */
  async act(action: string, fields: ActionFields = {}): Promise<void> {
    await this.panel.locator(`.action-buttons button[data-action="${action}"]`).click();
    const form = this.panel.locator(`form[data-action="${action}"]`);
    if (!(await form.count())) return;
    if (fields.satisfaction) await form.getByLabel(fields.satisfaction, { exact: true }).check();
    if (fields.level) await form.getByLabel('升级为').selectOption({ label: fields.level });
    if (fields.department) await form.getByLabel(/^部门/).selectOption({ label: fields.department });
    if (fields.assignee) await form.getByLabel(/^处理人/).selectOption({ label: fields.assignee });
    if (fields.reason) await form.getByLabel(/^原因/).fill(fields.reason);
    if (fields.note) await form.getByLabel(/^说明/).fill(fields.note);
    if (fields.rootCause) await form.getByLabel(/^根本原因/).fill(fields.rootCause);
    await form.getByTestId('confirm-action').click();
  }

  /** Act and wait until the page shows the next version. */
  async actAndWait(action: string, fields: ActionFields = {}): Promise<void> {
    const before = await this.version();
    await this.act(action, fields);
    await this.page.locator(`.ticket-page[data-version="${before + 1}"]`).waitFor();
  }

  async history(): Promise<HistoryEntry[]> {
    const items = this.page.getByTestId('history').locator('li.event');
    await items.first().waitFor();
    return items.evaluateAll((els) =>
      els.map((el) => ({
        time: el.querySelector('time')?.textContent?.trim() ?? '',
        actor: el.querySelector('.event-actor')?.textContent?.trim() ?? '',
        action: el.querySelector('.event-action')?.textContent?.trim() ?? '',
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
  }
}
