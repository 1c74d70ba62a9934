/** Settings, as far as the backend offers them: branch, accounts, demo data. */
import type { Page } from 'playwright-core';

export interface NewAccount {
  username: string;
  displayName: string;
  role: '坐席' | '班长/主管' | '经理' | '管理员';
  department?: string;
  password: string;
}

export class SettingsPage {
  constructor(readonly page: Page) {}

  async createUser(a: NewAccount): Promise<void> {
    const form = this.page.getByRole('form', { name: '新建账号' });
    await form.getByLabel('用户名', { exact: true }).fill(a.username);
    await form.getByLabel('姓名', { exact: true }).fill(a.displayName);
    await form.getByLabel('角色', { exact: true }).selectOption({ label: a.role });
    if (a.department) await form.getByLabel('部门', { exact: true }).fill(a.department);
    await form.getByLabel('初始密码', { exact: true }).fill(a.password);
    await form.getByRole('button', { name: '创建账号' }).click();
    await form.getByText(`已创建账号 ${a.displayName}。`).waitFor();
  }
}
