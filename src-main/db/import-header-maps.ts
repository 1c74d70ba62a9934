/** The header mappings users chose for files whose headers the console does not know, per header list. */
import { z } from 'zod';
import type { Db } from './open';
import { IMPORT_FIELDS, type ImportField } from '../core/import/types';
import { allRows, int, intOrNull, oneRow, text, textOrNull } from './rows';

const mappingRow = z.object({ mapping: text });
const savedRow = z.object({ header_key: text, mapping: text, updated_at: int, updated_by: intOrNull, updated_by_name: textOrNull });

export interface SavedHeaderMap {
  setKey: string;
  mapping: Record<string, ImportField>;
  updatedAt: number;
  updatedByName: string | null;
}
const mapping = z.record(z.string(), z.enum(IMPORT_FIELDS));

export class HeaderMapStore {
  constructor(private readonly db: Db) {}

  /** headerKey → field for one header list; empty when none was saved. */
  get(setKey: string): Record<string, ImportField> {
    const row = oneRow(mappingRow, this.db.prepare('SELECT mapping FROM import_header_maps WHERE header_key = ?'), setKey);
    return row ? mapping.parse(JSON.parse(row.mapping)) : {};
  }

  /** Every saved mapping, the latest first. */
  list(): SavedHeaderMap[] {
    return allRows(
      savedRow,
      this.db.prepare(
        `SELECT m.header_key, m.mapping, m.updated_at, m.updated_by, u.display_name AS updated_by_name
         FROM import_header_maps m LEFT JOIN users u ON u.id = m.updated_by ORDER BY m.updated_at DESC, m.header_key`,
      ),
    ).map((r) => ({ setKey: r.header_key, mapping: mapping.parse(JSON.parse(r.mapping)), updatedAt: r.updated_at, updatedByName: r.updated_by_name }));
  }

  /** Forget one header list's mapping; false when there was none. */
  remove(setKey: string): boolean {
    return this.db.prepare('DELETE FROM import_header_maps WHERE header_key = ?').run(setKey).changes > 0;
  }

  save(setKey: string, chosen: Record<string, ImportField>, at: number, by: number | null): void {
    this.db
      .prepare(
        `INSERT INTO import_header_maps (header_key, mapping, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (header_key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(setKey, JSON.stringify(chosen), at, by);
  }
}
