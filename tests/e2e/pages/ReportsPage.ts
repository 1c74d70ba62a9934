/** 报表 Reports: period and filters, KPI tiles, the charts (ECharts on canvas). */
import type { Locator, Page } from 'playwright-core';

export const CHARTS = ['trend', 'pareto', 'channels', 'departments', 'heat', 'breaches'] as const;
export type ChartId = (typeof CHARTS)[number];

export class ReportsPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('reports-page');
  }

  chart(id: ChartId): Locator {
    return this.page.getByTestId(`chart-${id}`);
  }

  tile(id: string): Locator {
    return this.page.getByTestId(`kpi-${id}`);
  }

  /** Wait until the page shows an answer for what it asks (not the previous one). */
  async settled(): Promise<void> {
    await this.page.locator('[data-testid="reports-page"][data-loading="false"]').waitFor();
    await this.page.getByTestId('kpi-tiles').waitFor();
  }

  async tileValue(id: string): Promise<number | null> {
    const v = await this.tile(id).getAttribute('data-value');
    return v === null || v === '' ? null : Number(v);
  }

  async previousMonth(): Promise<void> {
    await this.page.getByRole('button', { name: '上个月' }).click();
  }

  /** Whether the chart's canvas has drawn something other than the background. */
  async canvasDrawn(id: ChartId): Promise<boolean> {
    return this.chart(id)
      .locator('canvas')
      .first()
      .evaluate((el) => {
        // A 2D canvas, typed by hand: these tests compile without the DOM library.
        const c = el as unknown as { width: number; height: number; getContext(k: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null };
        const ctx = c.getContext('2d');
        if (!ctx || c.width === 0 || c.height === 0) return false;
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        let inked = 0;
        for (let i = 0; i < px.length; i += 16) if (px[i + 3]! > 0 && (px[i]! < 235 || px[i + 1]! < 235 || px[i + 2]! < 235)) inked++;
        return inked > 200;
      });
  }

  /** Click at a point of a chart, in CSS px from its top-left corner. */
  async clickChart(id: ChartId, x: number, y: number): Promise<void> {
    await this.chart(id).click({ position: { x, y } });
  }
}
