import { z } from 'zod';
import type { Db } from './open';
import type { CategoryNode } from '../core/categories';
import { DEFAULT_CATEGORIES } from '../core/categories';
import { allRows, int, intOrNull, text, value } from './rows';

const NodeRow: z.ZodType<CategoryNode> = z.object({ id: int, parentId: intOrNull, name: text });

export class CategoryStore {
  constructor(private readonly db: Db) {}

  list(): CategoryNode[] {
    return allRows(NodeRow, this.db.prepare('SELECT id, parent_id AS parentId, name FROM categories WHERE active = 1 ORDER BY sort, id'));
  }

  /** Every category, retired ones too (old tickets still count under their names). */
  all(): CategoryNode[] {
    return allRows(NodeRow, this.db.prepare('SELECT id, parent_id AS parentId, name FROM categories'));
  }

  /** Load the default tree into an empty table; a tree the admin edited is left alone. */
  seedDefaults(): void {
    const n = value(int, this.db.prepare('SELECT count(*) FROM categories')) ?? 0;
    if (n > 0) return;
    const insert = this.db.prepare('INSERT INTO categories (parent_id, name, sort) VALUES (?, ?, ?)');
    DEFAULT_CATEGORIES.forEach((top, i) => {
      const parentId = Number(insert.run(null, top.name, i).lastInsertRowid);
      top.children.forEach((child, j) => insert.run(parentId, child, j));
    });
  }
}
