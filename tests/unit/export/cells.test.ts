/** Column widths of the workbook: measured without making cells, the same as measuring the cells. */
import { describe, expect, it } from 'vitest';
import { cellOf, displayWidth, fittedWidth, shownWidth, valueWidth } from '../../../src-main/core/export/cells';
import { tableSpec } from '../../../src-main/core/export/tables';

describe('display width', () => {
  it('counts CJK and full-width characters as two, others (astral ones too) as one', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('网络质量')).toBe(8);
    expect(displayWidth('（１）')).toBe(6);
    expect(displayWidth('a😀b')).toBe(3);
    expect(displayWidth('한글')).toBe(4);
  });

  it('stops counting past a limit', () => {
    expect(displayWidth('投'.repeat(100), 40)).toBe(42);
  });
});

describe('valueWidth', () => {
  const tickets = tableSpec('tickets');
  const refunds = tableSpec('refunds');
  const kpis = tableSpec('kpis');
  const col = (spec: typeof tickets, key: string) => spec.columns.find((c) => c.key === key)!;
  const samples: Array<[typeof tickets, string, unknown, Record<string, unknown>]> = [
    [tickets, 'received_at', '2026-10-05T10:00:00+08:00', {}],
    [tickets, 'channel', '10086', {}],
    [tickets, 'status', 'closed', {}],
    [tickets, 'is_repeat', true, {}],
    [tickets, 'is_repeat', false, {}],
    [tickets, 'reopen_count', 2, {}],
    [tickets, 'ticket_no', 'GD-20261005-0001', {}],
    [tickets, 'category', '网络质量/信号覆盖', {}],
    [tickets, 'first_response_at', null, {}],
    [refunds, 'amount_fen', 12345, {}],
    [kpis, 'current', 0.6, { unit: 'rate' }],
    [kpis, 'current', null, { unit: 'rate' }],
  ];
  it.each(samples)('%# is what the cell shows', (spec, key, value, row) => {
    const c = col(spec, key);
    expect(valueWidth(c, value, row)).toBe(shownWidth(c, cellOf(c, value, row)));
  });

  it('fits long text to the same width whether counted whole or up to the cap', () => {
    const c = col(tickets, 'description');
    const long = '用户反映'.repeat(50);
    expect(fittedWidth(c, c.zh, valueWidth(c, long, {}))).toBe(fittedWidth(c, c.zh, shownWidth(c, cellOf(c, long, {}))));
    expect(fittedWidth(c, c.zh, valueWidth(c, long, {}))).toBe(60);
  });
});
