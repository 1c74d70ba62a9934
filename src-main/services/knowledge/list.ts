/** Every item, for the knowledge page's list (content included: the base is small). */
import type { KnowledgeContent } from '../../core/knowledge/model';
import { canonicalContent } from '../../core/knowledge/model';
import { KnowledgeStore } from '../../db/knowledge-store';
import type { ServiceContext } from '../context';

export interface KnowledgeListItem {
  key: string;
  content: KnowledgeContent;
  version: number;
  shipped: boolean;
  edited: boolean;
  pending: boolean;
  updatedAt: number;
}

export function listKnowledge(ctx: ServiceContext): KnowledgeListItem[] {
  return new KnowledgeStore(ctx.db).all().map((i) => ({
    key: i.key,
    content: i.content,
    version: i.version,
    shipped: i.shippedContent !== null,
    edited: i.shippedContent !== null && canonicalContent(i.content) !== i.shippedContent,
    pending: i.shippedPending !== null,
    updatedAt: i.updatedAt,
  }));
}
