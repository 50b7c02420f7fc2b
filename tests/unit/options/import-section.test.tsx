import { File as NodeFile } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen } from '@testing-library/preact';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { ImportSection } from '../../../src/options/ImportSection';

beforeEach(resetFakeBrowser);

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/import', name));

function pick(name: string, bytes: Uint8Array) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  // jsdom's File has no arrayBuffer(); Node's is the same web File a browser hands the page.
  Object.defineProperty(input, 'files', { value: [new NodeFile([bytes], name)], configurable: true });
  fireEvent.change(input);
}

describe('options: import preview of a Readwise Reader export', () => {
  it('leaves the feed items out, and takes them in when asked', async () => {
    render(<ImportSection />);
    pick('reader_export.csv', fixture('readwise/reader_export.csv'));
    expect(await screen.findByText(/Readwise Reader export: 4 articles to import/)).toBeInTheDocument();
    const feed = screen.getByRole('checkbox', { name: 'Also import 1 feed items you never saved' });
    expect(feed).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Import 4 articles' })).toBeEnabled();

    fireEvent.click(feed);
    expect(await screen.findByText(/Readwise Reader export: 5 articles to import/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Also import 1 feed items you never saved' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Import 5 articles' })).toBeEnabled();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Also import 1 feed items you never saved' }));
    expect(await screen.findByText(/Readwise Reader export: 4 articles to import/)).toBeInTheDocument();
  });

  it('offers no switch for a file without feed items', async () => {
    render(<ImportSection />);
    pick('pocket.csv', new TextEncoder().encode('title,url,time_added,tags,status\nA,https://news.example/a,1714730400,,unread\n'));
    expect(await screen.findByText(/Pocket export: 1 articles to import/)).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
