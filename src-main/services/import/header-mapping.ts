/**
 * Headers the console does not know (主叫号码 for 客户号码): the user maps them
 * to fields in the preview, and the mapping is remembered for that header
 * list, so every later file of the same shape — from the console or the
 * command line — reads the same way. Audited.
 */
import { DomainError } from '../../core/errors';
import type { UserInfo } from '../../core/model';
import { headerKey, headerSetKey, mapHeaders } from '../../core/import/headers';
import type { ImportField } from '../../core/import/types';
import { HeaderMapStore, type SavedHeaderMap } from '../../db/import-header-maps';
import type { ServiceContext } from '../context';
import { importFiles } from './files';
import { openTable } from './table';

/** What openTable asks for a file's header list: the mapping saved for it, if any. */
export function savedMapping(ctx: ServiceContext): (headerCells: readonly string[]) => Record<string, ImportField> {
  const store = new HeaderMapStore(ctx.db);
  return (cells) => store.get(headerSetKey(cells));
}

/**
 * Save the user's choice for an uploaded file's unknown headers (header text
 * → field, or null to leave the column unused). A header the console knows
 * by name keeps its own field; a field the file already has is refused.
 */
export async function saveHeaderMapping(
  ctx: ServiceContext,
  actor: UserInfo,
  uploadId: string,
  sheet: string | undefined,
  choice: Record<string, ImportField | null>,
): Promise<void> {
  const upload = importFiles(ctx).upload(actor.id, uploadId);
  const table = await openTable(upload.path, { sheet });
  try {
    const known = mapHeaders(table.headerCells);
    const chosen: Record<string, ImportField> = {};
    const taken = new Set(Object.keys(known.index));
    for (const [header, field] of Object.entries(choice)) {
      if (field === null) continue;
      const column = known.columns.find((c) => c.header === header.trim());
      if (!column) throw new DomainError('import_refused', { what: 'no_such_column', column: header });
      if (column.field !== null) continue;
      if (taken.has(field)) throw new DomainError('import_refused', { what: 'field_mapped_twice', column: header });
      taken.add(field);
      chosen[headerKey(header)] = field;
    }
    new HeaderMapStore(ctx.db).save(headerSetKey(table.headerCells), chosen, ctx.now(), actor.id);
    ctx.audit.add(ctx.now(), actor.id, 'import.map_headers', upload.fileName, { mapping: chosen });
  } finally {
    await table.close();
  }
}

/** The mappings saved so far, each with its header list (as normalised for the key), for 导入 to show. */
export function savedHeaderMappings(ctx: ServiceContext): Array<SavedHeaderMap & { headers: string[] }> {
  return new HeaderMapStore(ctx.db).list().map((m) => ({ ...m, headers: m.setKey.split('\u001f') }));
}

/** Forget a saved mapping: files of that header list are previewed as if never mapped. Audited. */
export function removeHeaderMapping(ctx: ServiceContext, actor: UserInfo, setKey: string): void {
  const store = new HeaderMapStore(ctx.db);
  const saved = store.list().find((m) => m.setKey === setKey);
  if (!saved || !store.remove(setKey)) throw new DomainError('not_found', { what: 'header_mapping', id: setKey.split('\u001f').slice(0, 3).join(',') });
  ctx.audit.add(ctx.now(), actor.id, 'import.unmap_headers', setKey.split('\u001f').join(','), { mapping: saved.mapping });
}
