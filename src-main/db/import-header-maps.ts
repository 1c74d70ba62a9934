/** The header mappings users chose for files whose headers the console does not know, per header list. */
import { z } from 'zod';
import type { Db } from './open';
import { IMPORT_FIELDS, type ImportField } from '../core/import/types';
import { oneRow, text } from './rows';

const mappingRow = z.object({ mapping: text });
const mapping = z.record(z.string(), z.enum(IMPORT_FIELDS));

export class HeaderMapStore {
  constructor(private readonly db: Db) {}

  /** headerKey → field for one header list; empty when none was saved. */
  get(setKey: string): Record<string, ImportField> {
    const row = oneRow(mappingRow, this.db.prepare('SELECT mapping FROM import_header_maps WHERE header_key = ?'), setKey);
    return row ? mapping.parse(JSON.parse(row.mapping)) : {};
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
