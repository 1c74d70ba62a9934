/** The category tree in reading order: each child under its own parent, never interleaved by `sort`. */
import { describe, expect, it } from 'vitest';
import { inTreeOrder } from '../../../src-main/core/categories';

describe('inTreeOrder', () => {
  it('puts each child under its own parent, whatever order the rows came in', () => {
    // As `ORDER BY sort, id` gave them: first the sort-0 rows of every level, then the sort-1 rows.
    const rows = [
      { id: 1, parentId: null, name: '网络质量' },
      { id: 2, parentId: 1, name: '信号覆盖' },
      { id: 5, parentId: 4, name: '多收费' },
      { id: 4, parentId: null, name: '资费计费' },
      { id: 3, parentId: 1, name: '上网慢/断网' },
      { id: 6, parentId: 4, name: '套餐不符' },
    ];
    expect(inTreeOrder(rows).map((r) => r.name)).toEqual(['网络质量', '信号覆盖', '上网慢/断网', '资费计费', '多收费', '套餐不符']);
  });

  it('lists a child whose parent is missing last, not under another parent', () => {
    const rows = [
      { id: 1, parentId: null, name: '网络质量' },
      { id: 9, parentId: 8, name: '孤儿' },
      { id: 2, parentId: 1, name: '信号覆盖' },
    ];
    expect(inTreeOrder(rows).map((r) => r.name)).toEqual(['网络质量', '信号覆盖', '孤儿']);
  });
});
