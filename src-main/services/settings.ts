/** The branch's own settings, each with its shipped default. */
import type { ServiceContext } from './context';
import { DEFAULT_DETECTION, type DetectionSettings } from '../core/detection';

export interface BranchSettings {
  branchName: string;
  branchId: string;
  zone: string;
}

export const DEFAULT_BRANCH: BranchSettings = { branchName: '', branchId: '', zone: 'Asia/Shanghai' };

export function branchSettings(ctx: ServiceContext): BranchSettings {
  return { ...DEFAULT_BRANCH, ...(ctx.settings.get<Partial<BranchSettings>>('branch') ?? {}) };
}

export function saveBranchSettings(ctx: ServiceContext, actorId: number, value: BranchSettings): BranchSettings {
  ctx.settings.set('branch', value, ctx.now(), actorId);
  ctx.audit.add(ctx.now(), actorId, 'settings.branch', null, value);
  return branchSettings(ctx);
}

export function detectionSettings(ctx: ServiceContext): DetectionSettings {
  return { ...DEFAULT_DETECTION, ...(ctx.settings.get<Partial<DetectionSettings>>('detection') ?? {}) };
}
