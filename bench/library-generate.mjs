// Runs INSIDE an extension page (serialized by evalInExtension; everything it uses is inside it): writes
// `count` generated articles straight into storage.local in Lectern's schema (records + compact index).
// Text: 5–50 KB per article, recombined from `paragraphs` (real text from the project's fixture pages,
// bench/library-corpus.mjs), with about one word in 40 replaced by a name drawn Zipf-like from 50,000
// made-up ones: the fixtures have only ~1,500 distinct words, a real library has a long tail of rare
// words (names, places), and search must be measured on both. `api` may be a stand-in that only has
// storage.local.set (bench/search-engines.mjs uses that to get the same articles in Node). With `pack`, the
// records are stored as Lectern stores them since schema 5 (src/storage/compress.ts: content and text
// deflated together, base64), compressed by the browser's CompressionStream.
export async function generateLibrary(api, count, seed, paragraphs, { pack = false } = {}) {
  let state = seed >>> 0;
  const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vo', 'ne', 'ri', 'dan', 'po', 'le', 'mar', 'zi', 'qua', 'bel', 'tor', 'fen', 'gu', 'hal'];
  const names = Array.from({ length: 50000 }, (_, i) => {
    let w = '';
    for (let n = i + 1; n > 0; n = Math.floor(n / 20)) w += syllables[n % 20];
    return w[0].toUpperCase() + w.slice(1);
  });
  const name = () => {
    const n = names[Math.min(names.length - 1, Math.floor(Math.exp(random() * Math.log(names.length))) - 1)];
    used.add(n);
    return n;
  };
  // How many articles each name is in: the rare words typed in the benchmark are in one to three.
  let used = new Set();
  const articlesWith = new Map();
  const paragraph = () => paragraphs[Math.floor(random() * paragraphs.length)].split(' ').map((w) => (random() < 0.025 ? name() : w)).join(' ');
  const hex = (n) => n.toString(16).padStart(8, '0');
  const packed = async (record) => {
    if (!pack) return record;
    const { content, text, ...rest } = record;
    const stream = new Blob([JSON.stringify([content, text])]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { ...rest, packed: 'deflate-raw-base64', body: btoa(binary) };
  };
  const now = Date.now();
  const index = [];
  const BATCH = 200;
  for (let start = 0; start < count; start += BATCH) {
    const items = {};
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const target = 5000 + Math.floor(random() * 45000);
      const paras = [];
      let size = 0;
      while (size < target) {
        const p = paragraph();
        paras.push(p);
        size += p.length + 2;
      }
      const text = paras.join('\n\n');
      for (const n of used) articlesWith.set(n, (articlesWith.get(n) ?? 0) + 1);
      used = new Set();
      const id = hex(Math.floor(random() * 2 ** 32)) + hex(i) + hex(seed).slice(0, 4);
      const title = `${paragraph().split(' ').slice(0, 6).join(' ')} ${name()} ${i}`;
      const url = `https://site${i % 50}.example/articles/${i}`;
      const wordCount = Math.round(text.length / 6);
      const savedAt = now - (count - i) * 60000;
      const article = {
        url, title, byline: `${name()} ${name()}`, siteName: `Site ${i % 50}`, lang: 'en', dir: 'ltr', publishedTime: null,
        excerpt: paras[0].slice(0, 200), leadImage: null, content: paras.map((p) => `<p>${p}</p>`).join(''), text, wordCount,
        readingMinutes: Math.max(1, Math.round(wordCount / 230)), id, urlKey: url, savedAt, updatedAt: savedAt, readAt: null,
        archived: false, favorite: false, tags: [], progress: 0,
      };
      items[`article:${id}`] = packed(article);
      index.push({ id, urlKey: url, url, title, site: article.siteName, excerpt: paras[0].slice(0, 159) + '…',
        readingMinutes: article.readingMinutes, savedAt, read: false, archived: false, favorite: false, tags: [] });
    }
    await api.storage.local.set(Object.fromEntries(await Promise.all(Object.entries(items).map(async ([k, v]) => [k, await v]))));
  }
  index.sort((a, b) => b.savedAt - a.savedAt);
  // The index in pages by id (src/storage/keys.ts pageOf), plus the head: schema 4 (32 pages), or 6 when
  // packed (256 pages, the layout of the current build).
  const pageCount = pack ? 256 : 32;
  const pages = Array.from({ length: pageCount }, () => []);
  for (const e of index) pages[parseInt(e.id.slice(0, 2), 16) % pageCount].push(e);
  const layout = Object.fromEntries(pages.map((rows, n) => [`index:${n}`, JSON.stringify(rows)]));
  await api.storage.local.set({ ...layout, indexHead: JSON.stringify(index.slice(0, 50)), schemaVersion: pack ? 6 : 4 });
  // Queries as typed: rare names, mid-frequency names, common English words of the fixtures, and pairs.
  const lower = (w) => w.toLowerCase();
  const single = [names[3], names[40], names[400], names[4000], names[25000], 'government', 'the', 'people', 'fahre', 'table'].map(lower);
  const multi = [[names[40], 'the'], ['people', 'government'], [names[400], names[4000]], ['the', 'first'], ['data', names[900]]].map((p) => p.map(lower).join(' '));
  // Words in one to three articles' text, at least 7 letters: one per popup open, so none is cached.
  const rare = [...articlesWith].filter(([n, c]) => c <= 3 && n.length >= 7).map(([n]) => lower(n));
  const rareWords = Array.from({ length: 7 }, (_, i) => rare[Math.floor((i * rare.length) / 7)]).filter(Boolean);
  const phrases = ['"the oven"', '"neue fähre"', '"the keeper\'s cottage"'];
  return { single, multi, phrases, rareWords, rare: rareWords[0] };
}
