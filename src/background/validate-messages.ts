import type { ArticleChanges, SavedArticle } from '../storage/schema';
import { LIMITS } from '../import/limits';
import { isArticleId, isSavedArticle } from '../storage/validate';

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isTabId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
export const isEmpty = (v: unknown): v is Record<string, never> => isObject(v) && Object.keys(v).length === 0;
export const hasId = (v: unknown): v is { id: string } => isObject(v) && isArticleId(v.id);

const CHANGE_CHECKS: Record<keyof ArticleChanges, (v: unknown) => boolean> = {
  read: (v) => typeof v === 'boolean',
  archived: (v) => typeof v === 'boolean',
  favorite: (v) => typeof v === 'boolean',
  tags: (v) => Array.isArray(v) && v.length <= 100 && v.every((t) => typeof t === 'string' && t.length <= 200),
  progress: (v) => typeof v === 'number' && v >= 0 && v <= 1,
};

/** Only known fields, each of the right type, and at least one of them. */
export function isChanges(v: unknown): v is ArticleChanges {
  if (!isObject(v) || Object.keys(v).length === 0) return false;
  return Object.entries(v).every(([k, val]) => Object.hasOwn(CHANGE_CHECKS, k) && CHANGE_CHECKS[k as keyof ArticleChanges](val));
}

export const isUpdate = (d: unknown): d is { id: string; changes: ArticleChanges } => hasId(d) && isChanges((d as Record<string, unknown>).changes);
export const isRestore = (d: unknown): d is { article: SavedArticle } => isObject(d) && isSavedArticle(d.article);

/** At most as many articles as a backup may hold (src/import/limits.ts), each a valid stored record. */
export const isRestoreBackup = (d: unknown): d is { articles: SavedArticle[] } =>
  isObject(d) && Array.isArray(d.articles) && d.articles.length <= LIMITS.maxItems && d.articles.every(isSavedArticle);
