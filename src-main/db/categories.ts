import type { Db } from './open';
import type { CategoryNode } from '../core/categories';
import { DEFAULT_CATEGORIES } from '../core/categories';

export class CategoryStore {
  constructor(private readonly db: Db) {}

  list(): CategoryNode[] {
    return this.db
      .prepare('SELECT id, parent_id AS parentId, name FROM categories WHERE active = 1 ORDER BY sort, id')
      .all() as CategoryNode[];
  }

  /** Load the default tree into an empty table; a tree the admin edited is left alone. */
  seedDefaults(): void {
    const n = (this.db.prepare('SELECT count(*) AS n FROM categories').get() as { n: number }).n;
    if (n > 0) return;
    const insert = this.db.prepare('INSERT INTO categories (parent_id, name, sort) VALUES (?, ?, ?)');
    DEFAULT_CATEGORIES.forEach((top, i) => {
      const parentId = Number(insert.run(null, top.name, i).lastInsertRowid);
      top.children.forEach((child, j) => insert.run(parentId, child, j));
    });
  }
}
