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

  /** 重设密码 on the account's row, then the new password. */
  async resetPassword(username: string, displayName: string, password: string): Promise<void> {
    await this.page.locator(`tr[data-username="${username}"]`).getByRole('button', { name: '重设密码' }).click();
    const form = this.page.getByRole('form', { name: '重设密码' });
    await form.getByLabel(`${displayName} 的新密码`).fill(password);
    await form.getByRole('button', { name: '保存新密码' }).click();
    await this.page.getByText(`已为 ${displayName} 重设密码`).waitFor();
  }
}
