/** The frame around every screen: nav rail, top bar, status strip. */
import type { Locator, Page } from 'playwright-core';

export type Section = 'today' | 'tickets' | 'refunds' | 'reports' | 'warnings' | 'projects' | 'hq' | 'knowledge' | 'settings';

export class ShellPage {
  constructor(readonly page: Page) {}

  get currentUser(): Locator {
    return this.page.getByTestId('current-user');
  }
  get branchName(): Locator {
    return this.page.getByTestId('branch-name');
  }
  get clock(): Locator {
    return this.page.getByTestId('branch-clock');
  }

  async go(section: Section): Promise<void> {
    await this.page.locator(`nav a[data-nav="${section}"]`).click();
  }

  /** Ctrl+K, type, Enter: the way a supervisor looks a ticket up. */
  async search(text: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  async newTicket(): Promise<void> {
    await this.page.getByTestId('new-ticket').click();
  }

  /** The unacknowledged-alert count on the bell. */
  async bellCount(): Promise<number> {
    return Number(await this.page.getByTestId('alert-bell').locator('[data-count]').getAttribute('data-count'));
  }

  async openBell(): Promise<Locator> {
    await this.page.getByTestId('alert-bell').click();
    const panel = this.page.getByTestId('alert-panel');
    await panel.locator('li').first().waitFor();
    return panel;
  }

  /** Lock, and wait for the login screen: typing into the page before it has changed loses the keystrokes (a flake under load). */
  async lock(): Promise<void> {
    await this.page.getByTestId('lock').click();
    await this.page.getByRole('heading', { name: '登录投诉工作台' }).waitFor();
  }
}
