import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { migrate, schemaVersion } from '../../../src-main/db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../../src-main/db/migrations';
import { messageFor } from '../../../src-main/core/messages';
import { DomainError } from '../../../src-main/core/errors';
import { tempDir } from '../../helpers/temp-db';

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return path.join(d, 'desk.db');
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('0001 creates STRICT tables, WAL and full sync on a new file', () => {
    const db = openDatabase(fresh());
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string; sql: string }>;
    for (const t of ['users', 'settings', 'categories', 'tickets', 'ticket_events', 'audit_log']) {
      const found = tables.find((x) => x.name === t);
      expect(found, t).toBeDefined();
      expect(found!.sql.trim().endsWith('STRICT'), `${t} is STRICT`).toBe(true);
    }
    db.close();
  });

  it('STRICT columns refuse the wrong type', () => {
    const db = openDatabase(fresh());
    expect(() => db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('a', 'b', 'not a number')").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    db.close();
  });

  it('history and audit rows cannot be changed or deleted, tickets cannot be deleted', () => {
    const db = openDatabase(fresh());
    db.prepare("INSERT INTO categories (name) VALUES ('其他')").run();
    db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, category_id, level, status, description, created_at, updated_at)
      VALUES ('A1', '10086', 1, '13800000000', 1, 'normal', 'new', 'x', 1, 1)`).run();
    db.prepare("INSERT INTO ticket_events (ticket_id, at, action) VALUES (1, 1, 'create')").run();
    db.prepare("INSERT INTO audit_log (at, action) VALUES (1, 'x')").run();
    expect(() => db.prepare('UPDATE ticket_events SET note = ?').run('y')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM ticket_events').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM tickets').run()).toThrow(/never deleted/);
    db.close();
  });

  it('runs every pending migration in one transaction: a failing one leaves the file as it was', () => {
    const file = fresh();
    const db = new Database(file);
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE x (a INTEGER) STRICT; SELECT nope FROM nowhere;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('tickets', 'x')").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database written by a newer app, untouched and with a clear message', () => {
    const file = fresh();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(messageFor(error as DomainError, 'en')).toMatch(new RegExp(`newer Complaint Desk .*schema ${LATEST_VERSION + 5}.*the database was not changed`));
    expect(messageFor(error as DomainError, 'zh-CN')).toMatch(/请升级程序/);
    const again = new Database(file);
    expect(schemaVersion(again)).toBe(LATEST_VERSION + 5);
    again.close();
  });

  it('refuses a file that fails the integrity check', () => {
    const file = fresh();
    const db = openDatabase(file);
    db.prepare("INSERT INTO categories (name) VALUES ('其他')").run();
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) db.prepare('INSERT INTO audit_log (at, action, details) VALUES (?, ?, ?)').run(i, 'x'.repeat(50), '{}');
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Scribble over the middle of the file: pages the b-tree points at no longer make sense.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 3);
    fs.closeSync(fd);
    expect(() => openDatabase(file)).toThrow(DomainError);
  });
});
