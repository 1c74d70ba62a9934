/**
 * Reference data every screen uses (category tree, active users), loaded once
 * per login. Small tables: a branch has dozens of users and categories.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Category, UserInfo } from '../api/types';
import { useQuery } from './useQuery';

interface Meta {
  categories: Category[];
  users: UserInfo[];
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
    const list = users.data ?? [];
    const byId = new Map(list.map((u) => [u.id, u]));
    const departments = [...new Set(list.map((u) => u.department).filter((d): d is string => !!d))].sort();
    return {
      categories: categories.data ?? [],
      users: list,
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
