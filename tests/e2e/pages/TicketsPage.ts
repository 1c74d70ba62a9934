/** The ticket list (ag-grid, infinite row model) and the Today counters. */
import type { Locator, Page } from 'playwright-core';

export type Chip = 'open' | 'mine' | 'major' | 'repeat';

export class TicketsPage {
  constructor(readonly page: Page) {}

  get grid(): Locator {
    return this.page.getByTestId('tickets-grid');
  }
  /** Rows the grid has rendered with data (the infinite model renders only what is near the viewport). */
  get rows(): Locator {
    return this.grid.locator('.ag-row[row-index]:not(.ag-row-loading)');
  }

  /** The total the last tickets/list answer reported, once it is in. */
  async total(): Promise<number> {
    const el = this.page.getByTestId('tickets-total');
    await el.and(this.page.locator('[data-total]:not([data-total=""])')).waitFor();
    return Number(await el.getAttribute('data-total'));
  }

  /** Wait until the shown total is `n` (after a filter change the next answer replaces the last). */
  async waitForTotal(n: number): Promise<void> {
    await this.page.locator(`[data-testid="tickets-total"][data-total="${n}"]`).waitFor();
  }

  async toggleChip(chip: Chip): Promise<void> {
    await this.page.locator(`button[data-chip="${chip}"]`).click();
  }

  /** Ticket numbers of the rendered rows, top to bottom. */
  async ticketNumbers(): Promise<string[]> {
    await this.rows.first().waitFor();
    return this.rows.evaluateAll((els) =>
      els
        .map((el) => ({
          index: Number(el.getAttribute('row-index')),
          // The number alone, without the 演示 badge a demo ticket has beside it.
          no: (el.querySelector('[col-id="ticketNo"] .ticket-no') ?? el.querySelector('[col-id="ticketNo"]'))?.textContent?.trim() ?? '',
        }))
        .sort((a, b) => a.index - b.index)
        .map((r) => r.no),
    );
  }

  /** The row index of the cell that has keyboard focus, or null. */
  async focusedRow(): Promise<number | null> {
    const row = this.grid.locator('.ag-row[row-index]:has(:focus)');
    if ((await row.count()) !== 1) return null;
    return Number(await row.getAttribute('row-index'));
  }

  /** The 演示 badges among the rendered rows' ticket numbers. */
  get demoBadges(): Locator {
    return this.rows.locator('[col-id="ticketNo"] [data-testid="demo-badge"]');
  }

  async openRow(ticketNo: string): Promise<void> {
    await this.rows.locator('[col-id="ticketNo"]', { hasText: ticketNo }).dblclick();
  }

  /** Pick one value in the filter bar (状态, 渠道, 级别, 处理人, 部门, 区县, 分类, 重复). */
  async pick(field: 'status' | 'channel' | 'level' | 'assignee' | 'dept' | 'district' | 'cat' | 'repeat', label: string): Promise<void> {
    await this.page.getByTestId(`pick-${field}`).selectOption({ label });
  }

  /** The active filters' chips, by the param each stands for. */
  filterChip(param: string): Locator {
    return this.page.locator(`[data-testid="filter-chips"] [data-filter="${param}"]`);
  }

  counter(id: string): Locator {
    return this.page.getByTestId(`count-${id}`);
  }
  async counterValue(id: string): Promise<number> {
    const value = this.counter(id).locator('.counter-value[data-value]:not([data-value=""])');
    await value.waitFor();
    return Number(await value.getAttribute('data-value'));
  }
}
