/** Refunds: the section on the ticket page and the 退费 page (approvals queue, list with totals). */
import type { Locator, Page } from 'playwright-core';

export interface RefundEntryView {
  id: number;
  type: string;
  amount: string;
  status: string;
  text: string;
  history: string[];
}

export class RefundsSection {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('refunds');
  }
  get form(): Locator {
    return this.page.getByTestId('refund-form');
  }
  get duplicateWarning(): Locator {
    return this.page.getByTestId('refund-duplicate');
  }
  get done(): Locator {
    return this.page.getByTestId('refund-done');
  }
  entry(id: number): Locator {
    return this.root.locator(`[data-testid="refund-entry"][data-refund-id="${id}"]`);
  }

  /** Open the form and fill it; `submit` presses 提交 (the form stays open if the server asks a question). */
  async add(r: { type: string; amount: string; reason: string }): Promise<void> {
    if (!(await this.form.count())) await this.root.getByTestId('refund-add').click();
    await this.form.getByLabel('退费类型').selectOption({ label: r.type });
    await this.form.getByLabel('金额（元）').fill(r.amount);
    await this.form.getByLabel('原因').fill(r.reason);
    await this.form.getByTestId('refund-submit').click();
  }

  /** Take a step on an entry and fill its small form when it has one (does not wait for the outcome). */
  async step(id: number, action: 'submit' | 'approve' | 'reject' | 'execute' | 'reverse', text?: string): Promise<void> {
    const entry = this.entry(id);
    await entry.locator(`button[data-refund-action="${action}"]`).click();
    const form = entry.locator(`form[data-step="${action}"]`);
    if (text !== undefined) await form.locator('input, textarea').first().fill(text);
    if (await form.count()) await form.getByTestId('confirm-step').click();
  }

  async entries(): Promise<RefundEntryView[]> {
    const items = this.root.locator('[data-testid="refund-entry"]');
    return items.evaluateAll((els) =>
      els.map((el) => ({
        id: Number(el.getAttribute('data-refund-id')),
        type: el.querySelector('.refund-head strong')?.textContent?.trim() ?? '',
        amount: el.querySelector('[data-testid="refund-amount"]')?.textContent?.trim() ?? '',
        status: el.querySelector('[data-refund-status]')?.textContent?.trim() ?? '',
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        history: [...el.querySelectorAll('[data-testid="refund-history"] li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()),
      })),
    );
  }

  /** The actions offered on an entry, as labelled. */
  async offered(id: number): Promise<string[]> {
    return this.entry(id).locator('button[data-refund-action]').allInnerTexts();
  }
}

export class RefundsPage {
  constructor(readonly page: Page) {}

  async tab(name: '待我审批' | '全部' | '权限设置'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }
  get queue(): Locator {
    return this.page.getByTestId('approval-queue');
  }
  get queueEmpty(): Locator {
    return this.page.getByTestId('queue-empty');
  }
  queueItem(ticketNo: string): Locator {
    return this.page.getByTestId('approval-item').filter({ hasText: ticketNo });
  }
  /** One row of the totals tables: its label, count and amount. */
  async totalRow(key: string): Promise<string> {
    return (await this.page.getByTestId('refund-totals').locator(`tr[data-total="${key}"]`).innerText()).replace(/\s+/g, ' ').trim();
  }
  async listTotal(n: number): Promise<void> {
    await this.page.locator(`[data-testid="refunds-total"][data-total="${n}"]`).waitFor();
  }
}
