/**
 * @jest-environment node
 */
/** A data table reaches the reader whole (caption, header cells and their scope, body, footer, spans); the layout table around the page does not. */
import { extractFixture } from '../../helpers/extract-fixture';

const { rendered, article } = extractFixture('en-data-tables');
const tables = Array.from(rendered.querySelectorAll('table'));

test('exactly one table: the data table, not the page layout around it', () => {
  expect(tables).toHaveLength(1);
  expect(rendered.querySelector('td[valign], td.nav, td.ads')).toBeNull();
});

test('caption, head, body and footer survive in order', () => {
  expect(Array.from(tables[0]!.children).map((c) => c.tagName)).toEqual(['CAPTION', 'THEAD', 'TBODY', 'TFOOT']);
  expect(tables[0]?.caption?.textContent).toBe('Cost of adding 300 km of range (48 kWh), March prices');
});

test('header cells keep their scope, rows their cells, spans their width', () => {
  const table = tables[0]!;
  expect(Array.from(table.tHead!.querySelectorAll('th')).map((th) => `${th.getAttribute('scope')}:${th.textContent}`)).toEqual(['col:Where', 'col:Price per kWh', 'col:Cost']);
  const rows = Array.from(table.tBodies[0]!.rows).map((r) => Array.from(r.cells).map((c) => `${c.tagName}:${c.textContent}`).join('|'));
  expect(rows[3]).toBe('TH:Motorway rapid charger|TD:0.79|TD:37.92');
  expect(table.tFoot!.rows[0]?.cells[0]?.getAttribute('colspan')).toBe('3');
});

test('the table sits between the paragraphs it belongs to', () => {
  expect(tables[0]?.previousElementSibling?.textContent).toMatch(/^We compared the cost/);
  expect(tables[0]?.nextElementSibling?.textContent).toMatch(/^For most drivers/);
  expect(article.text).toContain('Home, off-peak tariff 0.09 4.32');
});
