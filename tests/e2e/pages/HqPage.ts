/** The 上报 page, as a supervisor uses it. */
import type { Locator, Page } from 'playwright-core';

export class HqPage {
  constructor(private readonly page: Page) {}
  get heading(): Locator {
    return this.page.getByRole('heading', { name: '月度上报' });
  }
  row(month: string): Locator {
    return this.page.locator(`[data-testid="hq-months"] tr[data-month="${month}"]`);
  }
  exportState(month: string): Locator {
    return this.row(month).getByTestId('export-state');
  }
  uploadState(month: string): Locator {
    return this.row(month).getByTestId('upload-state');
  }
  get notice(): Locator {
    return this.page.getByTestId('hq-notice');
  }
  get fingerprint(): Locator {
    return this.page.getByTestId('hq-fingerprint');
  }
  async saveSettings(url: string, token: string): Promise<void> {
    const form = this.page.getByTestId('hq-settings');
    await form.getByLabel('总部接收地址（HTTPS）').fill(url);
    await form.getByLabel('分公司令牌').fill(token);
    await form.getByRole('button', { name: '保存设置' }).click();
  }
}
