/** 设置 → 处理时限: the SLA policy editor (rules table, calendar, alerts, the save bar). */
import type { Locator, Page } from 'playwright-core';

export type LimitField = 'firstResponseMin' | 'resolutionMin' | 'followUpMin';

export class SlaPolicyPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('sla-policy');
  }
  get rules(): Locator {
    return this.page.getByTestId('sla-rules');
  }
  get precedence(): Locator {
    return this.page.getByTestId('sla-precedence');
  }
  /** The message area by the Save button (saved, refused, the problems found). */
  get message(): Locator {
    return this.page.getByTestId('sla-message');
  }
  get saveButton(): Locator {
    return this.page.getByTestId('sla-save');
  }
  get dirtyState(): Locator {
    return this.page.getByTestId('sla-dirty');
  }

  /** From anywhere: the 设置 rail item, then the 处理时限 tab. */
  async open(): Promise<void> {
    await this.page.locator('nav a[data-nav="settings"]').click();
    await this.page.getByRole('tab', { name: '处理时限' }).click();
    await this.rules.waitFor();
  }

  row(ruleId: string): Locator {
    return this.rules.locator(`tbody tr[data-rule="${ruleId}"]`);
  }
  /** The problems listed under a rule's row. */
  rowProblems(ruleId: string): Locator {
    return this.row(ruleId).locator('xpath=following-sibling::tr[1][contains(@class, "rule-problems")]');
  }
  limitInput(ruleId: string, field: LimitField, unit: 'h' | 'm'): Locator {
    return this.row(ruleId).locator(`td[data-limit="${field}"] input[data-unit="${unit}"]`);
  }
  /** A rule's limit as the table shows it: {h, m} when editable, the words when read-only. */
  async limit(ruleId: string, field: LimitField): Promise<{ h: string; m: string } | string> {
    const cell = this.row(ruleId).locator(`td[data-limit="${field}"]`);
    if (await cell.locator('input').count()) {
      return { h: await this.limitInput(ruleId, field, 'h').inputValue(), m: await this.limitInput(ruleId, field, 'm').inputValue() };
    }
    return (await cell.innerText()).trim();
  }
  async setLimit(ruleId: string, field: LimitField, h: string, m: string): Promise<void> {
    await this.limitInput(ruleId, field, 'h').fill(h);
    await this.limitInput(ruleId, field, 'm').fill(m);
  }

  /** 新增规则, then name it and choose its channels and level in the new (last) row. */
  async addRule(r: { id: string; channels: string[]; level?: string }): Promise<Locator> {
    await this.root.getByRole('button', { name: '新增规则' }).click();
    const row = this.rules.locator('tbody tr[data-rule]').last();
    await row.locator('td.c-id input').fill(r.id);
    const picker = row.locator('.channel-button');
    await picker.click();
    for (const c of r.channels) await row.locator('.channel-list').getByLabel(c, { exact: true }).check();
    await this.page.keyboard.press('Escape');
    if (r.level) await row.locator('td.c-level select').selectOption({ label: r.level });
    return this.row(r.id);
  }

  /** 预览并保存: the check, then the preview of what the change does (nothing saved yet). */
  async save(): Promise<void> {
    await this.saveButton.click();
  }
  get preview(): Locator {
    return this.page.getByTestId('sla-preview');
  }
  /** The preview's 确认保存并重算. */
  async confirm(): Promise<void> {
    await this.page.getByTestId('sla-confirm').click();
  }
  /** Preview, then confirm. */
  async saveConfirmed(): Promise<void> {
    await this.save();
    await this.preview.waitFor();
    await this.confirm();
  }
  textarea(list: 'holidays' | 'workdays'): Locator {
    return this.root.locator(`textarea[data-path="${list}"]`);
  }
  async discard(): Promise<void> {
    await this.root.getByRole('button', { name: '放弃修改' }).click();
  }
}
