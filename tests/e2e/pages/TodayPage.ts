/** 工作台 Today: the deadline tiles and their two lists (save these first, breached). */
import type { Locator, Page } from 'playwright-core';

export type AtRisk = 'save-first' | 'breached-list';

export class TodayPage {
  constructor(readonly page: Page) {}

  /** A tile's number once it has loaded: 'breached', 'within2h', 'approaching'. */
  async tile(id: string): Promise<number> {
    const value = this.page.getByTestId(`count-${id}`).locator('.counter-value[data-value]:not([data-value=""])');
    await value.waitFor();
    return Number(await value.getAttribute('data-value'));
  }

  /** The "in all" number beside a list's title. */
  async listTotal(list: AtRisk): Promise<number> {
    const el = this.page.getByTestId(`${list}-total`);
    await el.waitFor();
    return Number(await el.getAttribute('data-value'));
  }

  rows(list: AtRisk): Locator {
    return this.page.getByTestId(list).locator('tbody tr');
  }

  row(list: AtRisk, ticketNo: string): Locator {
    return this.page.getByTestId(list).locator(`tbody tr[data-ticket-no="${ticketNo}"]`);
  }

  /** The link under a list that opens all of its tickets in the ticket list. */
  more(list: AtRisk): Locator {
    return this.page.getByTestId(`${list}-more`);
  }

  get tilesHint(): Locator {
    return this.page.getByTestId('tiles-hint');
  }
}
