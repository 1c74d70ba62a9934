import { describe, expect, it } from 'vitest';
import { choiceProblem, cleanListName, listNameProblem, ListMatcher, type ListValue } from '../../../../src-main/core/lists/rules';
import { accountChangeRefusal } from '../../../../src-main/core/auth/account-edit';

const LIST: ListValue[] = [
  { id: 1, kind: 'department', name: '网络部', active: true },
  { id: 2, kind: 'department', name: '网络部门', active: false },
  { id: 3, kind: 'district', name: '禅城区', active: true },
];

describe('the kept lists', () => {
  it('keeps a typed name width-normalised, trimmed, with single spaces', () => {
    expect(cleanListName('  网络部 ')).toBe('网络部');
    expect(cleanListName('ＶＩＰ　客户部')).toBe('VIP 客户部');
    expect(cleanListName('政企   部')).toBe('政企 部');
  });

  it('names what is wrong with a name', () => {
    expect(listNameProblem('')).toBe('required');
    expect(listNameProblem('部'.repeat(41))).toBe('too_long');
    expect(listNameProblem('网络\u0007部')).toBe('control_chars');
    expect(listNameProblem('网络部')).toBeNull();
  });

  it('lets a form choose only an active value of the same list', () => {
    expect(choiceProblem('department', '网络部', LIST)).toBeNull();
    expect(choiceProblem('department', '网络部门', LIST)).toBe('retired');
    expect(choiceProblem('department', '网络中心', LIST)).toBe('not_on_list');
    // A district is not a department.
    expect(choiceProblem('department', '禅城区', LIST)).toBe('not_on_list');
  });

  it('lets an import take any value of the list or an administrator\'s mapping, and holds the rest', () => {
    const m = new ListMatcher(LIST.filter((v) => v.kind === 'department'), new Map([['网络', '网络部'], ['网络部门', '客服中心']]));
    expect(m.match('网络部门')).toEqual({ value: '网络部门' }); // the list's own value wins over a mapping of the same text
    expect(m.match(' 网络 ')).toEqual({ value: '网络部' });
    expect(m.match('ＩＴ部')).toEqual({ held: 'ＩＴ部' });
  });
});

describe('account edits', () => {
  const admin = { id: 1, role: 'admin' as const, active: true };
  const other = { id: 2, role: 'admin' as const, active: true };
  it('refuses changing one\'s own role, even with other administrators', () => {
    expect(accountChangeRefusal(1, admin, { role: 'manager', active: true }, 2)).toBe('own_role');
    expect(accountChangeRefusal(1, admin, { role: 'admin', active: true }, 1)).toBeNull();
  });
  it('keeps the last active administrator one', () => {
    expect(accountChangeRefusal(1, other, { role: 'supervisor', active: true }, 1)).toBe('last_admin');
    expect(accountChangeRefusal(null, other, { role: 'admin', active: false }, 1)).toBe('last_admin');
    expect(accountChangeRefusal(1, other, { role: 'supervisor', active: true }, 2)).toBeNull();
  });
  it('refuses disabling oneself', () => {
    expect(accountChangeRefusal(1, admin, { role: 'admin', active: false }, 3)).toBe('self');
  });
});
