/** A database file whose audit log is damaged in the middle: it opens, but the checks find it. */
import fs from 'node:fs';
import { openDatabase } from '../../../src-main/db/open';

const PAGE = 4096;

/** Fill the audit log over many pages, then scribble over one of them (not the schema, not the settings). */
export function writeDatabaseWithAuditLog(file: string): void {
  const db = openDatabase(file);
  const insert = db.prepare('INSERT INTO audit_log (at, action, details) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(i, `action-${i}-${'x'.repeat(60)}`, '{}');
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Overwrite one page near the end of the file (the audit log's, which was written last) with junk. */
export function damageAuditLogPage(file: string): void {
  const pages = fs.statSync(file).size / PAGE;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(PAGE, 0x5a), 0, PAGE, PAGE * (pages - 3));
  fs.closeSync(fd);
}
