import type { ArticleChanges, SavedArticle } from '../storage/schema';
import { LIMITS } from '../import/limits';
import type { ImportItem } from '../import/types';
import { isImportAccess, type ImportAccess } from '../import/host-access';
import { isArticleId, isPackedArticle, isSavedArticle } from '../storage/validate';
import type { RestoreRecord } from '../storage/restore';
import { isObject } from '../shared/guards';
import { HIGHLIGHT_LIMITS, isHighlight, isHighlightColor, isTextPosition, type Highlight } from '../shared/highlight';
import type { HighlightChanges } from '../storage/highlights';
import type { RestoredImage } from '../storage/images';
import { MAX_IMAGE_BYTES } from '../offline-images/content-key';

export { isObject };

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
function isChanges(v: unknown): v is ArticleChanges {
  if (!isObject(v) || Object.keys(v).length === 0) return false;
  return Object.entries(v).every(([k, val]) => Object.hasOwn(CHANGE_CHECKS, k) && CHANGE_CHECKS[k as keyof ArticleChanges](val));
}

export const isUpdate = (d: unknown): d is { id: string; changes: ArticleChanges } => hasId(d) && isChanges((d as Record<string, unknown>).changes);
export const isRestore = (d: unknown): d is { article: SavedArticle } => isObject(d) && isSavedArticle(d.article);

/** At most as many articles as a backup may hold (src/import/limits.ts), each a valid record, plain or its body packed (restore.ts inflates and checks that). */
export const isRestoreBackup = (d: unknown): d is { articles: RestoreRecord[]; searchLater?: boolean } =>
  isObject(d) && Array.isArray(d.articles) && d.articles.length <= LIMITS.maxItems && d.articles.every((a) => isSavedArticle(a) || isPackedArticle(a))
  && (d.searchLater === undefined || typeof d.searchLater === 'boolean');

/** Backup images: each names an article, a URL and a content key; bytes (base64) at most MAX_IMAGE_BYTES decoded. */
const isRestoredImage = (v: unknown): v is RestoredImage =>
  isObject(v) && isArticleId(v.articleId)
  && typeof v.url === 'string' && v.url.length <= 10_000 && typeof v.key === 'string' && /^sha256-[0-9a-f]{64}$/.test(v.key)
  && (v.data === undefined || (typeof v.data === 'string' && v.data.length <= Math.ceil(MAX_IMAGE_BYTES / 3) * 4));
export const isRestoreImages = (d: unknown): d is { images: RestoredImage[] } =>
  isObject(d) && Array.isArray(d.images) && d.images.length <= 10_000 && d.images.every(isRestoredImage);

// Highlights: the whole highlight is checked on the way in, so storage never holds a malformed one.
export const isAddHighlight = (d: unknown): d is { id: string; highlight: Highlight } => hasId(d) && isHighlight((d as Record<string, unknown>).highlight);
const isHighlightId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= HIGHLIGHT_LIMITS.id;
const isNote = (v: unknown) => typeof v === 'string' && v.length <= HIGHLIGHT_LIMITS.note;

function isHighlightChanges(v: unknown): v is HighlightChanges {
  if (!isObject(v) || Object.keys(v).length === 0 || !Object.keys(v).every((k) => k === 'color' || k === 'note' || k === 'position')) return false;
  return (v.color === undefined || isHighlightColor(v.color)) && (v.note === undefined || isNote(v.note)) && (v.position === undefined || isTextPosition(v.position));
}

export const isRemoveHighlight = (d: unknown): d is { id: string; highlightId: string } => hasId(d) && isHighlightId((d as Record<string, unknown>).highlightId);
export const isUpdateHighlight = (d: unknown): d is { id: string; highlightId: string; changes: HighlightChanges } =>
  isRemoveHighlight(d) && isHighlightChanges((d as Record<string, unknown>).changes);

const isOptional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isWebAddress = (v: unknown) => typeof v === 'string' && v.length <= LIMITS.maxUrlLength && /^https?:\/\//i.test(v);
const isShortText = (v: unknown) => typeof v === 'string' && v.length <= 2000;
const isIsoDate = (v: unknown) => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
const IMPORT_ITEM_FIELDS = new Set(['url', 'title', 'tags', 'savedAt', 'archived', 'favorite', 'progress', 'description', 'highlights']);

/** A queued import item: a web address and what the source said about it; no content (that is saved by the page). */
function isImportItem(v: unknown): v is ImportItem {
  if (!isObject(v) || !Object.keys(v).every((k) => IMPORT_ITEM_FIELDS.has(k))) return false;
  return isWebAddress(v.url) && isOptional(v.title, isShortText) && CHANGE_CHECKS.tags(v.tags) && isOptional(v.savedAt, isIsoDate)
    && isOptional(v.archived, (b) => typeof b === 'boolean') && isOptional(v.favorite, (b) => typeof b === 'boolean')
    && isOptional(v.progress, CHANGE_CHECKS.progress) && isOptional(v.description, isShortText)
    && isOptional(v.highlights, isImportedHighlights);
}

/** Highlights carried by a queued item: quotes and notes as text, times as numbers, a bounded number of them. */
/** The library's own limits: the options page fits imported highlights to them when it reads the file. */
const isImportedHighlights = (v: unknown): boolean => Array.isArray(v) && v.length <= HIGHLIGHT_LIMITS.perArticle && v.every((h) =>
  isObject(h) && Object.keys(h).every((k) => ['quote', 'note', 'createdAt'].includes(k)) && typeof h.quote === 'string' && h.quote.length <= HIGHLIGHT_LIMITS.quote
  && isOptional(h.note, (n) => typeof n === 'string' && n.length <= HIGHLIGHT_LIMITS.note) && isOptional(h.createdAt, (n) => typeof n === 'number' && Number.isFinite(n)));

export const isStartImport = (d: unknown): d is { source: string; items: ImportItem[]; asked?: ImportAccess } =>
  isObject(d) && typeof d.source === 'string' && d.source.length <= 40 && Array.isArray(d.items) && d.items.length > 0
  && d.items.length <= LIMITS.maxItems && d.items.every(isImportItem) && (d.asked === undefined || isImportAccess(d.asked));

/** Only a retry asks for access (what the job gave back at its end), and says what it asked for. */
export const isChangeImport = (d: unknown): d is { action: 'cancel' | 'retry' | 'clear'; asked?: ImportAccess } =>
  isObject(d) && ['cancel', 'retry', 'clear'].includes(d.action as string)
  && Object.keys(d).every((k) => k === 'action' || (k === 'asked' && d.action === 'retry' && isImportAccess(d.asked)));

// Sync settings: a web address (http or https, the server's own folder) and bounded text; secrets optional.
const SYNC_FIELDS = new Set(['serverUrl', 'username', 'password', 'passphrase']);
const isBounded = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
function isSyncServerUrl(v: unknown): boolean {
  if (!isBounded(v, 2000)) return false;
  try {
    const url = new URL(v as string);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const isSaveSyncSettings = (d: unknown): d is { serverUrl: string; username: string; password?: string; passphrase?: string } =>
  isObject(d) && Object.keys(d).every((k) => SYNC_FIELDS.has(k)) && isSyncServerUrl(d.serverUrl) && isBounded(d.username, 500)
  && isOptional(d.password, (v) => isBounded(v, 1000)) && isOptional(d.passphrase, (v) => isBounded(v, 1000));
