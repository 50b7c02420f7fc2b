/** Each CSV row's line number, which error messages quote: with and without line breaks inside cells. */
import { parseCsv } from '../../../src/import/csv';

const lines = (text: string) => {
  const table = parseCsv(text);
  return table.rows.map((cells, r) => [table.lines[r], cells[0]]);
};

describe('parseCsv line numbers', () => {
  it('count rows, blank lines and CRLF endings when no cell holds a line break', () => {
    expect(lines('url\na\n\nb\nc\n')).toEqual([[2, 'a'], [4, 'b'], [5, 'c']]);
    expect(lines('url\r\na\r\n\r\nb\r\nc')).toEqual([[2, 'a'], [4, 'b'], [5, 'c']]);
  });

  it('count the line breaks inside quoted cells', () => {
    expect(lines('url,t\na,"x\ny"\nb,"1\r\n2\n3"\n\nc,z')).toEqual([[2, 'a'], [4, 'b'], [8, 'c']]);
  });

  it('count only the line feeds inside cells of a file whose rows end in CR alone', () => {
    expect(lines('url,t\ra,"x\ny"\rb,z\rc,"1\n2"\rd,w')).toEqual([[2, 'a'], [4, 'b'], [5, 'c'], [7, 'd']]);
  });
});
