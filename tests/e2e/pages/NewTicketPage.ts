/** The new-ticket form. */
import type { Locator, Page } from 'playwright-core';

export interface NewTicket {
  channel?: string;
  phone: string;
  customerName?: string;
  city?: string;
  district?: string;
  category: [string, string?];
  description: string;
  department?: string;
  ticketNo?: string;
}

export class NewTicketPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: '登记工单' });
  }
  get created(): Locator {
    return this.page.getByTestId('created-notice');
  }
  get serverError(): Locator {
    return this.page.getByTestId('create-error');
  }
  get invalidNotice(): Locator {
    return this.page.getByTestId('create-invalid');
  }

  /** The error shown under a field, found by the field's label. */
  fieldError(label: string): Locator {
    return this.page.locator('.field', { has: this.page.getByText(label, { exact: true }) }).locator('.field-error');
  }

  async fill(t: NewTicket): Promise<void> {
    const p = this.page;
    if (t.channel) await p.getByLabel('受理渠道').selectOption({ label: t.channel });
    await p.getByLabel('客户号码').fill(t.phone);
    if (t.customerName) await p.getByLabel('客户姓名').fill(t.customerName);
    // Cities, districts and departments are chosen from the administrator's lists.
    if (t.city) await p.getByLabel('地市').selectOption({ label: t.city });
    if (t.district) await p.getByLabel('区县').selectOption({ label: t.district });
    await p.getByLabel('投诉类别').selectOption({ label: t.category[0] });
    if (t.category[1]) await p.getByLabel('二级类别').selectOption({ label: t.category[1] });
    await p.getByLabel('投诉内容').fill(t.description);
    if (t.department) await p.getByLabel('责任部门').selectOption({ label: t.department });
    if (t.ticketNo) await p.getByLabel('工单编号').fill(t.ticketNo);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('submit-ticket').click();
  }

  /** The ticket number in the "registered" notice. */
  async createdTicketNo(): Promise<string> {
    const text = await this.created.getByRole('status').first().innerText();
    const m = /工单\s*(\S+?)。/.exec(text);
    if (!m?.[1]) throw new Error(`no ticket number in "${text}"`);
    return m[1];
  }

  async openCreated(): Promise<void> {
    await this.page.getByTestId('open-created').click();
  }
}
