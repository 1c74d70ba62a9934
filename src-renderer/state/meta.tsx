/**
 * Reference data every screen uses (category tree, users, the kept lists of
 * departments, cities and districts), loaded once per login. Small tables:
 * a branch has dozens of users, categories and list values.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Category, ListKind, ListValue, UserInfo } from '../api/types';
import { useQuery } from './useQuery';

interface Meta {
  categories: Category[];
  /** Active colleagues: the ones a form may offer. */
  users: UserInfo[];
  /** Every account, disabled ones too (the accounts screen). */
  allUsers: UserInfo[];
  /** Anyone's name, a disabled colleague's included (history keeps naming them). */
  userName(id: number | null | undefined): string | null;
  /** The active departments of the administrator's list: what a form may choose. */
  departments: string[];
  /** Every value of each kept list, retired ones too (flagged). */
  lists: Record<ListKind, ListValue[]>;
  reloadUsers(): void;
  reloadLists(): void;
}

const MetaContext = createContext<Meta | null>(null);

export function MetaProvider({ children }: { children: ReactNode }) {
  const categories = useQuery('meta/categories', {});
  const users = useQuery('meta/users', {});
  const lists = useQuery('lists/all', {});
  const value = useMemo<Meta>(() => {
    const all = users.data ?? [];
    const byId = new Map(all.map((u) => [u.id, u]));
    const list = all.filter((u) => u.active);
    const kept: Record<ListKind, ListValue[]> = { department: [], city: [], district: [] };
    for (const v of lists.data ?? []) kept[v.kind].push(v);
    const departments = kept.department.filter((v) => v.active).map((v) => v.name);
    return {
      categories: categories.data ?? [],
      users: list,
      allUsers: all,
      userName: (id) => (id === null || id === undefined ? null : (byId.get(id)?.displayName ?? `#${id}`)),
      departments,
      lists: kept,
      reloadUsers: users.reload,
      reloadLists: lists.reload,
    };
  }, [categories.data, users.data, users.reload, lists.data, lists.reload]);
  return <MetaContext.Provider value={value}>{children}</MetaContext.Provider>;
}

export function useMeta(): Meta {
  const v = useContext(MetaContext);
  if (!v) throw new Error('useMeta outside MetaProvider');
  return v;
}
