/** Settings, as far as the backend offers them: branch, accounts, demo data, the audit log. */
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
    if (a.department) await form.getByLabel('部门', { exact: true }).selectOption({ label: a.department });
    await form.getByLabel('初始密码', { exact: true }).fill(a.password);
    await form.getByRole('button', { name: '创建账号' }).click();
    await form.getByText(`已创建账号 ${a.displayName}。`).waitFor();
  }

  /** The 基础列表 tab (departments, cities, districts and the import review list). */
  async openLists(): Promise<void> {
    await this.page.getByRole('tab', { name: '基础列表' }).click();
    await this.page.locator('[data-list-panel="department"]').waitFor();
  }

  /** Back to 基本设置 (branch, accounts), by its tab. */
  async openGeneral(): Promise<void> {
    await this.page.getByRole('tab', { name: '基本设置' }).click();
    await this.page.getByRole('form', { name: '新建账号' }).waitFor();
  }

  listPanel(kind: 'department' | 'city' | 'district') {
    return this.page.locator(`[data-list-panel="${kind}"]`);
  }

  /** Type a new value into a list's add box and add it; waits for the row. */
  async addListValue(kind: 'department' | 'city' | 'district', name: string): Promise<void> {
    const panel = this.listPanel(kind);
    await panel.locator('form.inline-form input').last().fill(name);
    await panel.getByRole('button', { name: '添加', exact: true }).click();
    await panel.locator(`tr[data-value="${name}"]`).waitFor();
  }

  /** Open 基础列表, add each value, and come back to 基本设置 — all by clicking, as an administrator would. */
  async addListValues(kind: 'department' | 'city' | 'district', names: string[]): Promise<void> {
    await this.openLists();
    for (const name of names) await this.addListValue(kind, name);
    await this.openGeneral();
  }

  /** 编辑 on the account's row, change what is given, 保存. */
  async editUser(username: string, displayName: string, change: { displayName?: string; role?: NewAccount['role']; department?: string }): Promise<void> {
    await this.accountRow(username).getByRole('button', { name: '编辑', exact: true }).click();
    const form = this.page.getByTestId('user-edit');
    if (change.displayName) await form.getByLabel('姓名', { exact: true }).fill(change.displayName);
    if (change.role) await form.getByLabel('角色', { exact: true }).selectOption({ label: change.role });
    if (change.department) await form.getByLabel('部门', { exact: true }).selectOption({ label: change.department });
    await form.getByRole('button', { name: '保存' }).click();
    await this.page.getByText(`已保存 ${change.displayName ?? displayName} 的账号信息。`).waitFor();
  }

  /** 重设密码 on the account's row, then the new password. */
  async resetPassword(username: string, displayName: string, password: string): Promise<void> {
    await this.page.locator(`tr[data-username="${username}"]`).getByRole('button', { name: '重设密码' }).click();
    const form = this.page.getByRole('form', { name: '重设密码' });
    await form.getByLabel(`${displayName} 的新密码`).fill(password);
    await form.getByRole('button', { name: '保存新密码' }).click();
    await this.page.getByText(`已为 ${displayName} 重设密码`).waitFor();
  }

  accountRow(username: string) {
    return this.page.locator(`tr[data-username="${username}"]`);
  }

  /** 停用 / 启用 on the account's row, then the confirmation above the table. */
  async setActive(username: string, displayName: string, active: boolean): Promise<void> {
    await this.accountRow(username).getByRole('button', { name: active ? '启用' : '停用', exact: true }).click();
    await this.page.getByText(active ? `已重新启用账号 ${displayName}。` : `已停用账号 ${displayName}`).waitFor();
  }

  async openAudit(): Promise<void> {
    await this.page.getByRole('tab', { name: '审计日志' }).click();
    await this.page.getByTestId('audit-total').waitFor();
  }

  /** Choose the filter (labels as shown: a person's "姓名（账号）", an event's name) and search. */
  async filterAudit(f: { user?: string; kind?: string; from?: string; to?: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: '审计日志' });
    if (f.user) await form.getByLabel('操作人', { exact: true }).selectOption({ label: f.user });
    if (f.kind) await form.getByLabel('事件', { exact: true }).selectOption({ label: f.kind });
    if (f.from) await form.getByLabel('从', { exact: true }).fill(f.from);
    if (f.to) await form.getByLabel('到', { exact: true }).fill(f.to);
    await form.getByRole('button', { name: '查询' }).click();
  }

  /** The audit table's rows as [who, event, subject]. */
  async auditRows(): Promise<string[][]> {
    return this.page.locator('.audit-table tbody tr').evaluateAll((rows) =>
      rows.map((r) => [1, 2, 3].map((i) => (r.children[i]?.textContent ?? '').trim())),
    );
  }

  /** 我的密码: current, new, confirm; then the confirmation. */
  async changeOwnPassword(current: string, next: string): Promise<void> {
    const form = this.page.getByRole('form', { name: '我的密码' });
    await form.getByLabel('当前密码', { exact: true }).fill(current);
    await form.getByLabel('新密码', { exact: true }).fill(next);
    await form.getByLabel('确认密码', { exact: true }).fill(next);
    await form.getByRole('button', { name: '修改密码' }).click();
    await form.getByText('密码已修改').waitFor();
  }
}
