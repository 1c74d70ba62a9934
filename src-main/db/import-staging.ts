/**
 * Where good rows wait between reading the file and writing the tickets.
 *
 * Reading is asynchronous (streams), but the tickets must be written in ONE
 * transaction, and a better-sqlite3 transaction must not stay open across an
 * `await`: any other call served meanwhile on the same connection would run
 * inside it. So rows are staged first, in a private temporary database attached
 * to the connection (SQLite keeps it in a temp file: memory stays flat however
 * large the file), and then applied synchronously in one transaction.
 *
 * The staging table also finds a ticket repeated within the file: its key
 * (channel + ticket number) is unique, and the later row is refused, so that
 * importing the same file twice changes nothing the second time.
 */
import type { Db } from './open';
import type { ImportedTicket } from '../core/import/types';
import { allKindChecked, int, value, type ColumnKinds } from './rows';
import { CHANNELS, LEVELS, SATISFACTIONS, STATUSES } from '../core/enums';

let counter = 0;

/** The staged columns, named as ImportedTicket's fields so a staged row reads back as one. */
const COLUMNS = [
  'ticketNo', 'channel', 'receivedAt', 'phone', 'customerName', 'city', 'district', 'categoryId', 'description',
  'level', 'status', 'assigneeId', 'assigneeName', 'firstResponderId', 'firstResponderName', 'firstResponseAt', 'resolvedAt', 'closedAt', 'satisfaction',
  'heldCity', 'heldDistrict',
] as const satisfies ReadonlyArray<keyof ImportedTicket>;

export type StagedRow = ImportedTicket & { line: number };

const codes = (list: readonly string[], nullable: boolean) => new Set<string | null>(nullable ? [...list, null] : list);

/** A staged row read back is checked by hand (zod per row would show on a 100,000-row import). */
const STAGED_KINDS: ColumnKinds<StagedRow> = [
  ['line', 'int'],
  ['ticketNo', 'text'],
  ['channel', codes(CHANNELS, false)],
  ['receivedAt', 'int'],
  ['phone', 'text'],
  ['customerName', 'text?'],
  ['city', 'text?'],
  ['district', 'text?'],
  ['categoryId', 'int'],
  ['description', 'text'],
  ['level', codes(LEVELS, true)],
  ['status', codes(STATUSES, true)],
  ['assigneeId', 'int?'],
  ['assigneeName', 'text?'],
  ['firstResponderId', 'int?'],
  ['firstResponderName', 'text?'],
  ['firstResponseAt', 'int?'],
  ['resolvedAt', 'int?'],
  ['closedAt', 'int?'],
  ['satisfaction', codes(SATISFACTIONS, true)],
  ['heldCity', 'text?'],
  ['heldDistrict', 'text?'],
];

export class Staging {
  private readonly insert;
  private readonly earlier;

  private constructor(
    private readonly db: Db,
    readonly schema: string,
  ) {
    // Throwaway data: no journal, no syncing to disk.
    db.pragma(`${schema}.journal_mode = OFF`);
    db.pragma(`${schema}.synchronous = OFF`);
    // Typed columns rather than JSON: no serialising, and rows come back as objects ready to insert.
    db.exec(`CREATE TABLE ${schema}.rows (line INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, ${COLUMNS.map((c) => `"${c}"`).join(', ')})`);
    this.insert = db.prepare(
      `INSERT INTO ${schema}.rows (line, key, ${COLUMNS.map((c) => `"${c}"`).join(', ')})
       VALUES (@line, @key, ${COLUMNS.map((c) => `@${c}`).join(', ')}) ON CONFLICT (key) DO NOTHING`,
    );
    this.earlier = db.prepare(`SELECT line FROM ${schema}.rows WHERE key = ?`).pluck();
  }

  static open(db: Db): Staging {
    const schema = `import_stage_${process.pid}_${++counter}`;
    // '' is a private temporary database, deleted when detached.
    db.prepare(`ATTACH DATABASE '' AS ${schema}`).run();
    try {
      return new Staging(db, schema);
    } catch (e) {
      db.prepare(`DETACH DATABASE ${schema}`).run();
      throw e;
    }
  }

  /**
   * Stage a batch in one (temp-only) transaction. Returns, for each row, null
   * when staged, or the line of the earlier row with the same ticket.
   */
  addBatch(rows: readonly StagedRow[]): Array<number | null> {
    return this.db.transaction(() =>
      rows.map((ticket) => {
        const key = `${ticket.channel}\u0001${ticket.ticketNo}`;
        if (this.insert.run(Object.assign(ticket, { key })).changes === 1) return null;
        const line = value(int, this.earlier, key);
        // The insert was refused for this key, so its row is there.
        if (line === undefined) throw new Error(`import staging: no staged row for ${key} after a refused insert`);
        return line;
      }),
    )();
  }

  /** The staged rows in file order, a page at a time (a statement cannot stay open while tickets are written). */
  *pages(size = 1000): Generator<StagedRow[]> {
    const page = this.db.prepare(
      `SELECT line, ${COLUMNS.map((c) => `"${c}"`).join(', ')} FROM ${this.schema}.rows WHERE line > ? ORDER BY line LIMIT ?`,
    );
    let after = 0;
    for (;;) {
      const rows = allKindChecked(STAGED_KINDS, page, after, size);
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.line;
      yield rows;
    }
  }

  close(): void {
    this.db.prepare(`DETACH DATABASE ${this.schema}`).run();
  }
}
