/** The CRM import over the contract: chunks in, preview, run, rejects out. */
import { needUser, type HandlersOf } from './types';
import type { importMethods } from '../methods/import';
import { importFiles } from '../../services/import/files';
import { previewUpload, runUpload } from '../../services/import/console';
import { removeHeaderMapping, saveHeaderMapping, savedHeaderMappings } from '../../services/import/header-mapping';

export const importHandlers: HandlersOf<keyof typeof importMethods> = {
  'import/upload': (i, env) =>
    importFiles(env.ctx).append(needUser(env).id, {
      uploadId: i.uploadId,
      fileName: i.fileName,
      offset: i.offset,
      bytes: Buffer.from(i.data, 'base64'),
    }),
  'import/preview': (i, env) => previewUpload(env.ctx, needUser(env), i.uploadId, { sheet: i.sheet, locale: i.locale }),
  'import/run': (i, env) => runUpload(env.ctx, needUser(env), i.uploadId, { dryRun: i.dryRun, sheet: i.sheet, locale: i.locale }),
  'import/mapHeaders': async (i, env) => {
    await saveHeaderMapping(env.ctx, needUser(env), i.uploadId, i.sheet, i.mapping);
    return null;
  },
  'import/headerMaps': (_i, env) => savedHeaderMappings(env.ctx),
  'import/removeHeaderMap': (i, env) => {
    removeHeaderMapping(env.ctx, needUser(env), i.headers.join('\u001f'));
    return null;
  },
  'import/rejects': (i, env) => {
    const chunk = importFiles(env.ctx).readRejects(needUser(env).id, i.token, i.offset);
    return { fileName: chunk.fileName, size: chunk.size, offset: i.offset, data: chunk.bytes.toString('base64'), next: chunk.next };
  },
};
