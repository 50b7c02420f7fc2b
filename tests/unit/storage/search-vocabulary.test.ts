/**
 * @jest-environment node
 */
import { deleteDatabase } from '../../helpers/fake-indexeddb';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { committed, META, openSearchDb, SEARCH_DB } from '../../../src/storage/search-db';
import { changeVocabulary, mergeSummary, prefixWords, shortPrefixes, SUMMARY_SIZE } from '../../../src/storage/search-vocabulary';

beforeEach(async () => {
  resetFakeBrowser();
  await deleteDatabase(SEARCH_DB);
});

describe('a short prefix summary', () => {
  it('keeps the most widespread words, then the shorter, then in alphabetical order', () => {
    const merged = mergeSummary({ terms: [], complete: true }, [['tram', 3], ['the', 9], ['to', 9], ['tea', 3], ['tz', 0]]);
    expect(merged).toEqual({ terms: [['to', 9], ['the', 9], ['tea', 3], ['tram', 3]], complete: true });
  });

  it('says it is incomplete once it has left a word out, and forgets a word whose count fell to 0', () => {
    const many = Array.from({ length: SUMMARY_SIZE + 1 }, (_, i): [string, number] => [`t${String(i).padStart(3, '0')}`, i + 1]);
    const full = mergeSummary({ terms: [], complete: true }, many);
    expect(full.complete).toBe(false);
    expect(full.terms).toHaveLength(SUMMARY_SIZE);
    expect(full.terms[0]).toEqual(['t064', 65]);
    expect(full.terms.some(([t]) => t === 't000')).toBe(false); // the least widespread was left out
    const after = mergeSummary(full, [['t064', 0], ['t010', 99]]);
    expect(after.terms[0]).toEqual(['t010', 99]);
    expect(after.terms.some(([t]) => t === 't064')).toBe(false);
    expect(after.complete).toBe(false);
  });

  it('covers the first one and two characters of a word, counting characters, not UTF-16 units', () => {
    expect(shortPrefixes('the')).toEqual(['t', 'th']);
    expect(shortPrefixes('a')).toEqual(['a']);
    expect(shortPrefixes('𝒳yz')).toEqual(['𝒳', '𝒳y']);
  });
});

/** Apply vocabulary changes in one transaction, as the writer does. */
async function change(created: Array<[string, number]>, deleted: Array<[string, number]> = []) {
  const tx = (await openSearchDb()).transaction(META, 'readwrite');
  await changeVocabulary(tx.objectStore(META), created, deleted);
  await committed(tx);
}
const wordsOf = async (prefix: string) => prefixWords((await openSearchDb()).transaction(META).objectStore(META), prefix);

describe('the words a prefix reads', () => {
  it('reads a one-letter prefix from its summary: the most widespread words, wherever they sort', async () => {
    // 100 rare words sort before "the"; the summary still has "the" first.
    await change(Array.from({ length: 100 }, (_, i): [string, number] => [`ta${i}`, 0]));
    await change([0, 1, 2, 3].map((bucket): [string, number] => ['the', bucket]));
    const t = await wordsOf('t');
    expect(t.terms[0]).toEqual(['the', 4]);
    expect(t.terms).toHaveLength(SUMMARY_SIZE);
    expect(t.complete).toBe(false);
  });

  it('adds the typed word itself when the summary of common words left it out', async () => {
    await change(Array.from({ length: SUMMARY_SIZE }, (_, i): [string, number][] => [[`tb${i}`, 0], [`tb${i}`, 1]]).flat());
    await change([['t', 0]]);
    const t = await wordsOf('t');
    expect(t.terms.filter(([term]) => term === 't')).toEqual([['t', 1]]);
  });

  it('reads a longer prefix from its words’ counts, complete, and drops a word whose blocks are all gone', async () => {
    await change([['harbour', 0], ['harbour', 1], ['harbours', 0], ['harp', 0], ['hat', 0]]);
    expect(await wordsOf('harb')).toEqual({ terms: [['harbour', 2], ['harbours', 1]], complete: true });
    await change([], [['harbours', 0], ['harbour', 1]]);
    expect(await wordsOf('harb')).toEqual({ terms: [['harbour', 1]], complete: true });
    expect((await wordsOf('ha')).terms).toEqual([['hat', 1], ['harp', 1], ['harbour', 1]]);
  });

  it('refills a summary that left words out once deletes made it shorter than it could be', async () => {
    await change(Array.from({ length: SUMMARY_SIZE + 3 }, (_, i): [string, number] => [`zz${String(i).padStart(2, '0')}`, 0]));
    expect((await wordsOf('z')).complete).toBe(false);
    await change([], [['zz00', 0], ['zz01', 0]]);
    const z = await wordsOf('z');
    expect(z.terms).toHaveLength(SUMMARY_SIZE);
    expect(z.terms.some(([t]) => t === 'zz00')).toBe(false);
  });
});
