import { z } from 'zod';
import type { Db } from './open';
import { allRows, json, text, value } from './rows';

const KeyValue = z.object({ key: text, value: json });

/** Key/value settings stored as JSON; defaults live with the service that owns each key. */
export class SettingsStore {
  constructor(private readonly db: Db) {}
  get<T>(key: string): T | undefined {
    // The JSON's own shape is the owning service's to check.
    return value(json, this.db.prepare('SELECT value FROM settings WHERE key = ?'), key) as T | undefined;
  }
  all(): Record<string, unknown> {
    const rows = allRows(KeyValue, this.db.prepare('SELECT key, value FROM settings'));
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }
  set(key: string, value: unknown, at: number, by: number | null): void {
    this.db
      .prepare(
        `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(key, JSON.stringify(value), at, by);
  }
}
