import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholdersIn } from '../../../../src-main/core/knowledge/placeholders';

describe('filling a reply template from the ticket', () => {
  it('puts each value in its place', () => {
    const r = fillTemplate('{客户姓名}您好，工单{工单编号}将在{承诺时间}前答复，退还{金额}。', {
      customerName: '王芳',
      ticketNo: 'GD20261102001',
      promisedTime: '11月3日 18:00',
      amount: '¥12.50',
    });
    expect(r.text).toBe('王芳您好，工单GD20261102001将在11月3日 18:00前答复，退还¥12.50。');
    expect(r.missing).toEqual([]);
  });

  it('shows a missing value plainly instead of leaving a blank', () => {
    const r = fillTemplate('{客户姓名}您好，退还{金额}，{客户姓名}请查收。', { customerName: null, amount: '  ' });
    expect(r.text).toBe('【客户姓名未填】您好，退还【金额未填】，【客户姓名未填】请查收。');
    expect(r.missing).toEqual(['客户姓名', '金额']);
  });

  it('treats a value never given like an empty one', () => {
    expect(fillTemplate('工单{工单编号}', {}).text).toBe('工单【工单编号未填】');
  });

  it('leaves braces that are not one of its placeholders as written', () => {
    expect(fillTemplate('依据{某规定}处理', { customerName: 'x' }).text).toBe('依据{某规定}处理');
  });

  it('lists the placeholders a body uses, once each, in order', () => {
    expect(placeholdersIn('{金额}{客户姓名}{金额}')).toEqual(['金额', '客户姓名']);
  });
});
