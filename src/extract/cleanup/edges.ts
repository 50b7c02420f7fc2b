import { guardedRemover } from './guard';
import { foldedText } from '../dom';

/**
 * Page furniture that Readability keeps at the edges of the article: above the first paragraph the
 * skip links, the dateline, the byline, the category and the reading time (the reader shows date and
 * author in its own header); below the last one the copyright line, photo credits, "published on",
 * and "log in to comment" prompts. Only short blocks, only before the first or after the last long
 * paragraph, and only when they read as such a line: a short paragraph of the article stays.
 */
const LONG_PARAGRAPH = 120;
const MAX_EDGE_CHARS = 100;
/** Disclaimers and licence notes at the end run longer than a dateline. */
const MAX_TRAILING_CHARS = 250;
/** How many short blocks at each edge are looked at (further in, a short block is the article's). */
const MAX_EDGE_BLOCKS = 8;

const MONTHS =
  'jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|' +
  'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|oktober|dezember|januar|februar|juni|juli|märz';
const DATE = new RegExp(
  `(\\b\\d{1,2}[./-]\\s?\\d{1,2}[./-]\\s?(\\d{4}|\\d{2})\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}\\.?\\s+(${MONTHS})[a-zä]*\\.?,?\\s+\\d{4}\\b|\\b(${MONTHS})[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}\\b)`,
  'iu',
);
/** "Publiziert", "Aktualizacja", "Stand": a label around a date, not a sentence ("Einsendeschluss … (Poststempel)"). */
const MAX_DATE_LINE_REST = 20;
/** A line that is mostly a date: what is left once the date, times and separators are gone is short. */
function isDateLine(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const rest = text.replace(m[0], '').replace(/\b\d{1,2}:\d{2}(\s?uhr|\s?[ap]m)?\b/gi, '').replace(/[\s|,.:;–—-]+/g, ' ').trim();
  return rest.length <= MAX_DATE_LINE_REST;
}

/** "Von Jana Muster", "By J. Doe and R. Roe": a short line starting with the word and a capitalised name. */
const BYLINE = /^(\p{L}+)\s+\p{Lu}/u;
const BYLINE_WORDS = new Set(['von', 'by', 'par', 'di', 'por', 'door']);
const MAX_BYLINE_CHARS = 60;
const LEADING = new RegExp(
  '^(autor(in)?|author|written by|geschrieben von|veröffentlicht|publiziert|aktualisiert|erstellt|stand|published|updated|posted|' +
    'publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|publikacja|aktualizacja|opublikowano|kategorie|category|rubrik|' +
    'lesezeit|reading time|temps de lecture|tiempo de lectura|ten tekst przeczytasz|skip to|jump to|zum inhalt|zur navigation|zum hauptinhalt|' +
    'direkt zum inhalt|sprungmarken|aller au contenu|passer au contenu|saltar al contenido|vai al contenuto|przejdź do)(?![\\p{L}\\p{N}])',
  'iu',
);
const READING_TIME = /\b\d+\s*(min(\.|uten?|utes?)?|minuti|minutos)\b.{0,20}(read|lesezeit|lesen|lecture|lettura|lectura)|(lesezeit|reading time)\s*:?\s*\d/i;
const SKIP_LINK = /(anspringen|springen|skip|jump)\b/i;

const TRAILING = new RegExp(
  '(©|\\(c\\)\\s*\\d{4}|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|' +
    'wszelkie prawa zastrzeżone|materiał chroniony prawem|^(titelbild|beitragsbild|artikelbild|headerbild|bild|foto|fotos|photo|photos|image|imagen|crédito|credit|credits|' +
    'bildnachweis|bildquelle|quelle|source|źródło|fuente|fonte)\\s*:|^(publiziert|veröffentlicht|aktualisiert|published|updated|publié|publicado|publikacja)\\b|' +
    'eingeloggt sein|angemeldet sein|must be logged in|logged in to (post|comment)|log in to (post|comment)|connecté pour|' +
    'akismet|creative commons|cc[- ]by|lizenz|licen[cs]e[ds]? under|meinung des autors|opinions expressed|views expressed|' +
    'if you (enjoyed|liked) (reading )?this|support (our|us)|unterstützen sie|newsletter|sign up|abonnieren|subscribe|zapraszamy)',
  'iu',
);

const BLOCK_TAGS = new Set(['P', 'DIV', 'ARTICLE', 'MAIN', 'ASIDE', 'NAV', 'FORM', 'FIELDSET', 'DETAILS', 'CENTER', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'ADDRESS', 'FIGCAPTION', 'BLOCKQUOTE', 'UL', 'OL', 'SECTION', 'HEADER', 'FOOTER', 'TABLE', 'FIGURE', 'PRE', 'DL', 'DD', 'DT']);

/** A line of the article as a reader sees it: a block, or a run of text beside blocks (which cannot be removed alone). */
interface Line {
  el: Element | null;
  text: string;
}

/**
 * The lines of `root` in order: leaf blocks, and the runs of inline text that sit beside blocks in a
 * mixed container (`<div>text<p>…</p>more text</div>`), so that a date under the dek is its own line.
 */
function lines(root: Element): Line[] {
  const out: Line[] = [];
  const visit = (el: Element) => {
    const hasBlocks = Array.from(el.children).some((c) => BLOCK_TAGS.has(c.tagName));
    if (!hasBlocks) {
      const text = foldedText(el);
      if (text) out.push({ el, text });
      return;
    }
    let run = '';
    const flush = () => {
      const text = run.replace(/\s+/g, ' ').trim();
      if (text) out.push({ el: null, text });
      run = '';
    };
    el.childNodes.forEach((node) => {
      if (node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName)) {
        flush();
        visit(node as Element);
      } else if (node.nodeType === 1 && (node as Element).tagName === 'BR') {
        flush();
      } else run += node.textContent ?? '';
    });
    flush();
  };
  Array.from(root.children).forEach(visit);
  return out;
}

function isLeadingFurniture(el: Element, text: string): boolean {
  if (LEADING.test(text) || READING_TIME.test(text) || isDateLine(text)) return true;
  const bylineWord = BYLINE.exec(text)?.[1]?.toLowerCase();
  if (bylineWord && BYLINE_WORDS.has(bylineWord) && text.length <= MAX_BYLINE_CHARS) return true;
  // Skip links: in-page links that announce the jump.
  const links = Array.from(el.querySelectorAll('a[href^="#"]'));
  return links.length > 0 && SKIP_LINK.test(text) && links.every((a) => a.getAttribute('href') !== '#');
}

function isTrailingFurniture(text: string): boolean {
  return TRAILING.test(text) || isDateLine(text);
}

/**
 * Remove dateline/byline/skip-link lines above the article's second long paragraph (a dek often comes
 * first, the byline under it) and credit/copyright/disclaimer lines below its last long paragraph.
 */
export function removeEdgeFurniture(root: Element): void {
  const all = lines(root);
  const [firstLong, secondLong] = all.flatMap((line, i) => (line.text.length >= LONG_PARAGRAPH ? [i] : []));
  if (firstLong === undefined) return;
  const remove = guardedRemover(root);
  const leadEnd = secondLong ?? firstLong;
  for (const { el, text } of all.slice(Math.max(0, firstLong - MAX_EDGE_BLOCKS), leadEnd)) {
    if (el && text.length <= MAX_EDGE_CHARS && isLeadingFurniture(el, text)) remove(el);
  }
  // From the end back: trailing lines go until the first long line that is not furniture.
  for (const { el, text } of all.slice(firstLong + 1).reverse().slice(0, MAX_EDGE_BLOCKS)) {
    if (el && text.length <= MAX_TRAILING_CHARS && isTrailingFurniture(text)) remove(el);
    else if (text.length >= LONG_PARAGRAPH) break;
  }
}
