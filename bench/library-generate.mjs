// Runs INSIDE an extension page (serialized by evalInExtension): writes `count` generated articles straight
// into storage.local in Lectern's schema (records + compact index), as fast as the storage API allows.
// Text: 5–50 KB per article, words drawn Zipf-like from a 30,000-word made-up vocabulary, so the
// full-text index sees a realistic spread of common and rare terms.
export async function generateLibrary(api, count, seed) {
  let state = seed >>> 0;
  const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vo', 'ne', 'ri', 'dan', 'po', 'le', 'mar', 'zi', 'qua', 'bel', 'tor', 'fen', 'gu', 'hal'];
  const vocab = Array.from({ length: 30000 }, (_, i) => {
    let w = '';
    for (let n = i + 1; n > 0; n = Math.floor(n / 20)) w += syllables[n % 20];
    return w;
  });
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(random() * Math.log(vocab.length))) - 1)];
  const sentence = () => {
    const n = 8 + Math.floor(random() * 14);
    const words = Array.from({ length: n }, word);
    return words.join(' ') + '.';
  };
  const hex = (n) => n.toString(16).padStart(8, '0');
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
        const p = Array.from({ length: 4 }, sentence).join(' ');
        paras.push(p);
        size += p.length + 2;
      }
      const text = paras.join('\n\n');
      const id = hex(Math.floor(random() * 2 ** 32)) + hex(i) + hex(seed).slice(0, 4);
      const title = `${word()} ${word()} ${word()} ${i}`;
      const url = `https://site${i % 50}.example/articles/${i}`;
      const wordCount = Math.round(text.length / 6);
      const savedAt = now - (count - i) * 60000;
      const article = {
        url, title, byline: `${word()} ${word()}`, siteName: `Site ${i % 50}`, lang: 'en', dir: 'ltr', publishedTime: null,
        excerpt: paras[0].slice(0, 200), leadImage: null, content: paras.map((p) => `<p>${p}</p>`).join(''), text, wordCount,
        readingMinutes: Math.max(1, Math.round(wordCount / 230)), id, urlKey: url, savedAt, updatedAt: savedAt, readAt: null,
        archived: false, favorite: false, tags: [], progress: 0,
      };
      items[`article:${id}`] = article;
      index.push({ id, urlKey: url, url, title, site: article.siteName, excerpt: paras[0].slice(0, 159) + '…',
        readingMinutes: article.readingMinutes, savedAt, read: false, archived: false, favorite: false, tags: [] });
    }
    await api.storage.local.set(items);
  }
  index.sort((a, b) => b.savedAt - a.savedAt);
  // Schema 4: the index in 32 pages by id (src/storage/keys.ts pageOf), plus the head.
  const pages = Array.from({ length: 32 }, () => []);
  for (const e of index) pages[parseInt(e.id.slice(0, 2), 16) % 32].push(e);
  const layout = Object.fromEntries(pages.map((rows, n) => [`index:${n}`, JSON.stringify(rows)]));
  await api.storage.local.set({ ...layout, indexHead: JSON.stringify(index.slice(0, 50)), schemaVersion: 4 });
  // Queries for the search benchmark: words of different frequency, and pairs of them.
  const single = [vocab[3], vocab[40], vocab[400], vocab[4000], vocab[12000], vocab[25000], vocab[7], vocab[90], vocab[900], vocab[9000]];
  const multi = [[vocab[3], vocab[40]], [vocab[40], vocab[400]], [vocab[400], vocab[4000]], [vocab[7], vocab[900]], [vocab[90], vocab[9000]]].map((p) => p.join(' '));
  return { single, multi };
}
