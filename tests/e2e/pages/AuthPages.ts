/** First start and login, as a supervisor sees them (zh-CN labels). */
import type { Locator, Page } from 'playwright-core';

export interface AdminSetup {
  username: string;
  displayName: string;
  password: string;
  branchName: string;
  branchId: string;
  loadDemo?: boolean;
}

/** The branch most e2e tests set up: 王主管, administrator of 佛山禅城分公司. */
export const BRANCH_ADMIN: AdminSetup = {
  username: 'admin',
  displayName: '王主管',
  password: 'zhuguan-2026',
  branchName: '佛山禅城分公司',
  branchId: 'FS-CC',
};

export class SetupPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: '首次启动：创建管理员' });
  }

  async createAdmin(a: AdminSetup): Promise<void> {
    const p = this.page;
    await p.getByLabel('用户名', { exact: true }).fill(a.username);
    await p.getByLabel('姓名', { exact: true }).fill(a.displayName);
    await p.getByLabel('密码', { exact: true }).fill(a.password);
    await p.getByLabel('确认密码', { exact: true }).fill(a.password);
    await p.getByLabel('分公司名称', { exact: true }).fill(a.branchName);
    await p.getByLabel('分公司编号', { exact: true }).fill(a.branchId);
    if (a.loadDemo) await p.getByLabel(/载入演示数据/).check();
    await p.getByRole('button', { name: '创建并进入' }).click();
  }
}

export class LoginPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: '登录投诉工作台' });
  }
  get notice(): Locator {
    return this.page.getByTestId('login-notice');
  }
  get error(): Locator {
    return this.page.getByTestId('login-error');
  }

  async login(username: string, password: string): Promise<void> {
    await this.page.getByLabel('用户名', { exact: true }).fill(username);
    await this.page.getByLabel('密码', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
  }
}
