/** The export's own setting: whether customers' phone numbers and names leave the branch masked (yes by default). */
import type { ServiceContext } from '../context';
import { DEFAULT_MASK_POLICY, type MaskPolicy } from '../../core/export/mask';

export const MASK_KEY = 'export.masking';

export function exportMaskPolicy(ctx: ServiceContext): MaskPolicy {
  const v = ctx.settings.get<Partial<MaskPolicy>>(MASK_KEY) ?? {};
  return { phones: v.phones !== false, names: v.names !== false };
}

/** Only an administrator reaches this (the API checks the role); the change is audited. */
export function saveExportMaskPolicy(ctx: ServiceContext, actorId: number, policy: MaskPolicy): MaskPolicy {
  ctx.settings.set(MASK_KEY, policy, ctx.now(), actorId);
  ctx.audit.add(ctx.now(), actorId, 'settings.export_masking', null, { ...policy });
  return exportMaskPolicy(ctx);
}

export { DEFAULT_MASK_POLICY };
