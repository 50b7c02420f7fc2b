/**
 * @jest-environment node
 */
/** Code blocks keep their whitespace exactly and carry `language-xyz` to the rendered reader; inline code stays inline. */
import { labelCodeLanguages, languageOf } from '../../../src/extract/structure/code';
import { extractFixture, render } from '../../helpers/extract-fixture';
import { pageDocument } from '../../helpers/dom';

const PYTHON = `def backoff(attempt, base=0.5, cap=30.0):
    """Full jitter: a random delay up to the exponential bound."""
    bound = min(cap, base * 2 ** attempt)
    return random.uniform(0, bound)


def fetch_with_retry(fetch, tries=5):`;

describe('fixture en-code-blocks, as rendered', () => {
  const { rendered } = extractFixture('en-code-blocks');
  const blocks = Array.from(rendered.querySelectorAll('pre'));

  test('every block is there, with its language on the element that holds the code', () => {
    expect(blocks.map((pre) => (pre.querySelector('code') ?? pre).className)).toEqual(['language-python', 'language-js', 'language-shell', 'language-ruby']);
  });

  test('indentation and blank lines are kept exactly', () => {
    expect(blocks[0]?.textContent).toContain(PYTHON);
    expect(blocks[1]?.textContent).toContain('  for (let i = 0; i < tries; i++) {\n    try {\n      return await fn();\n    } catch {\n\n      await sleep(backoff(i));');
    expect(blocks[3]?.textContent).toBe('def backoff(attempt)\n  rand * [30, 0.5 * 2**attempt].min\nend\n');
    expect(blocks[2]?.textContent).toBe('for i in 0 1 2 3 4 5; do\n    python3 -c "from retry import backoff; print(backoff($i))"\ndone');
  });

  test('inline code stays inline, inside its paragraph', () => {
    const inline = rendered.querySelector('p > code');
    expect(inline?.textContent).toBe('attempt');
    expect(inline?.closest('pre')).toBeNull();
  });
});

describe('languageOf and labelCodeLanguages', () => {
  const label = (html: string) => {
    const root = pageDocument(`<div id="root">${html}</div>`).getElementById('root')!;
    labelCodeLanguages(root);
    return render(root.innerHTML, 'https://dev.example/post').querySelector('pre')!.outerHTML;
  };

  test('the wrappers and spellings of common generators', () => {
    expect(label('<div class="language-ruby highlighter-rouge"><div class="highlight"><pre class="highlight"><code>puts 1</code></pre></div></div>')).toBe('<pre><code class="language-ruby">puts 1</code></pre>');
    expect(label('<div class="highlight highlight-source-python"><pre>x = 1</pre></div>')).toBe('<pre class="language-python">x = 1</pre>');
    expect(label('<div class="highlight-python notranslate"><div class="highlight"><pre>x = 1</pre></div></div>')).toBe('<pre class="language-python">x = 1</pre>');
    expect(label('<pre class="brush: php; gutter: false">echo 1;</pre>')).toBe('<pre class="language-php">echo 1;</pre>');
    expect(label('<pre class="sourceCode haskell"><code class="sourceCode haskell">main = pure ()</code></pre>')).toBe('<pre><code class="language-haskell">main = pure ()</code></pre>');
    expect(label('<pre><code class="hljs go">go f()</code></pre>')).toBe('<pre><code class="language-go">go f()</code></pre>');
    expect(label('<pre data-lang="sql"><code>select 1</code></pre>')).toBe('<pre><code class="language-sql">select 1</code></pre>');
    expect(label('<pre class="prettyprint lang-py">x</pre>')).toBe('<pre class="language-py">x</pre>');
  });

  test('no language is invented', () => {
    expect(label('<div class="highlight"><pre class="highlight"><code class="hljs">x</code></pre></div>')).toBe('<pre><code>x</code></pre>');
    expect(languageOf(pageDocument('<p class="language-">x</p>').querySelector('p')!)).toBeNull();
    expect(languageOf(pageDocument('<p class="lang-&quot;onload">x</p>').querySelector('p')!)).toBeNull();
  });

  test('mixed content in a <pre>: the language goes on the <pre>', () => {
    expect(label('<pre class="lang-c">int x; <code>y</code></pre>')).toBe('<pre class="language-c">int x; <code>y</code></pre>');
  });
});
