import { nameWords } from './cleanup/attributes';
import { foldedText } from './dom';

/** Blocks that start a new paragraph of the plain text. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TR', 'UL', 'CAPTION',
]);

/**
 * Captions and photo credits belong with their images (the reader shows them there), not in the
 * running text that is searched, counted for reading time and shown as an excerpt: "Foto: dpa",
 * "(© Getty Images)", "Bild: Shutterstock" between two paragraphs are noise in all three.
 */
const CAPTION_WORDS = new Set(['caption', 'captions', 'credit', 'credits', 'copyright', 'bildunterschrift', 'legende', 'legend', 'photocredit', 'imagecredit', 'figcaption']);
const MAX_CAPTION_CHARS = 600;

function isCaption(el: Element): boolean {
  if (el.tagName === 'FIGCAPTION') return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (!/cap|cred|copy|bildunt|legend/i.test(names)) return false;
  const words = nameWords(names);
  return words.some((w) => CAPTION_WORDS.has(w)) && foldedText(el).length <= MAX_CAPTION_CHARS;
}

/**
 * Plain text of an article element: one paragraph per block, separated by blank lines, whitespace
 * folded — except in preformatted blocks (code), whose lines and indentation are kept as they are.
 */
export function elementToText(root: Element): string {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/[ \t\f\v\r\n\u00a0]+/g, ' ').trim();
    if (text) blocks.push(text);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el !== root && isCaption(el)) return;
    if (el.tagName === 'BR') {
      current += ' ';
      return;
    }
    if (el.tagName === 'PRE') {
      flush();
      const code = (el.textContent ?? '').replace(/^\n+|\s+$/g, '');
      if (code.trim()) blocks.push(code);
      return;
    }
    if (el.tagName === 'TD' || el.tagName === 'TH') current += ' ';
    const block = BLOCK.has(el.tagName);
    if (block) flush();
    el.childNodes.forEach(walk);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}
