/**
 * Reference data every screen uses (category tree, users), loaded once
 * per login. Small tables: a branch has dozens of users and categories.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Category, UserInfo } from '../api/types';
import { useQuery } from './useQuery';

interface Meta {
  categories: Category[];
  /** Active colleagues: the ones a form may offer. */
  users: UserInfo[];
  /** Every account, disabled ones too (the accounts screen). */
  allUsers: UserInfo[];
  /** Anyone's name, a disabled colleague's included (history keeps naming them). */
  userName(id: number | null | undefined): string | null;
  /** Departments known from the users' records, for suggestions in forms. */
  departments: string[];
  reloadUsers(): void;
}

const MetaContext = createContext<Meta | null>(null);

export function MetaProvider({ children }: { children: ReactNode }) {
  const categories = useQuery('meta/categories', {});
  const users = useQuery('meta/users', {});
  const value = useMemo<Meta>(() => {
    const all = users.data ?? [];
    const byId = new Map(all.map((u) => [u.id, u]));
    const list = all.filter((u) => u.active);
    const departments = [...new Set(list.map((u) => u.department).filter((d): d is string => !!d))].sort();
    return {
      categories: categories.data ?? [],
      users: list,
      allUsers: all,
      userName: (id) => (id === null || id === undefined ? null : (byId.get(id)?.displayName ?? `#${id}`)),
      departments,
      reloadUsers: users.reload,
    };
  }, [categories.data, users.data, users.reload]);
  return <MetaContext.Provider value={value}>{children}</MetaContext.Provider>;
}

export function useMeta(): Meta {
  const v = useContext(MetaContext);
  if (!v) throw new Error('useMeta outside MetaProvider');
  return v;
}
