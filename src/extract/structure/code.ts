import { elementsUnder } from './walk';

/**
 * Code blocks name their language in a dozen ways; the reader (and the sanitizer, which keeps only
 * `language-*` on pre/code) understands one: `class="language-xyz"` on the <code> of the <pre>.
 * Jekyll/Rouge puts it on a wrapping div (`language-ruby highlighter-rouge`), GitHub on one
 * (`highlight-source-python`), Sphinx too (`highlight-python`), SyntaxHighlighter writes
 * `brush: python;`, pandoc `sourceCode python`, highlight.js `hljs python`, others `data-lang`.
 * Whitespace is never touched: the sanitizer and the reader's `pre` keep it as the page had it.
 */
const WRAPPER_LEVELS = 3;
const NOT_A_LANGUAGE = new Set(['hljs', 'highlight', 'highlighter', 'notranslate', 'prettyprint', 'linenums', 'sourcecode', 'source', 'code', 'chroma', 'shiki', 'nohighlight', 'wp', 'block', 'default']);
const LANGUAGE = /^[a-z][\w+#.-]{0,30}$/i;

function valid(lang: string | null | undefined): string | null {
  const l = lang?.trim().toLowerCase();
  return l && LANGUAGE.test(l) && !NOT_A_LANGUAGE.has(l) ? l : null;
}

/** The language an element's class or data attributes name, or null. */
export function languageOf(el: Element, isWrapper = false): string | null {
  const data = valid(el.getAttribute('data-lang') ?? el.getAttribute('data-language'));
  if (data) return data;
  const cls = el.getAttribute('class') ?? '';
  const brush = /(?:^|\s)brush:\s*([\w+#.-]+)/i.exec(cls);
  if (brush) return valid(brush[1]);
  const tokens = cls.split(/\s+/).filter(Boolean);
  for (const token of tokens) {
    const named = /^(?:language|lang|highlight-source|highlight)-(.+)$/i.exec(token);
    if (named && (named[1] !== 'source' || !isWrapper)) return valid(named[1]);
  }
  // `hljs python`, `sourceCode python`: a marker class, and the language beside it (not on wrappers: too loose).
  if (!isWrapper && tokens.some((t) => t === 'hljs' || t === 'sourceCode')) {
    for (const token of tokens) if (!token.startsWith('hljs') && valid(token)) return valid(token);
  }
  return null;
}

function findLanguage(pre: Element, code: Element | null, root: Element): string | null {
  const own = (code && languageOf(code)) ?? languageOf(pre);
  if (own) return own;
  let up = pre.parentElement;
  for (let i = 0; i < WRAPPER_LEVELS && up && up !== root; i++, up = up.parentElement) {
    const lang = languageOf(up, true);
    if (lang) return lang;
  }
  return null;
}

/** Put `language-xyz` on every code block of `root` whose language the page names anywhere. */
export function labelCodeLanguages(root: Element): void {
  const pres: Element[] = [];
  for (const el of elementsUnder(root)) if (el.tagName === 'PRE') pres.push(el);
  for (const pre of pres) {
    const only = pre.childElementCount === 1 ? pre.firstElementChild : null;
    const code = only?.tagName === 'CODE' && !(pre.textContent ?? '').replace(only.textContent ?? '', '').trim() ? only : null;
    const lang = findLanguage(pre, code, root);
    const target = code ?? pre;
    if (!lang || target.classList.contains(`language-${lang}`)) continue;
    target.classList.add(`language-${lang}`);
  }
}
