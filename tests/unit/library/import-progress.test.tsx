import { webcrypto } from 'node:crypto';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { createJob, markDone, markFailed, cancelJob } from '../../../src/import/job';
import { ImportProgress } from '../../../src/options/ImportProgress';
import * as storage from '../../../src/storage';
import '../../../src/background/background';

if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });

beforeEach(resetFakeBrowser);

// Loopback port 9 (discard): a retried fetch is refused at once, nothing leaves the machine.
const items = ['http://127.0.0.1:9/1', 'http://127.0.0.1:9/2', 'http://127.0.0.1:9/3'].map((url) => ({ url, tags: [] }));

describe('import progress on the options page', () => {
  it('shows n of N, the failures with their reasons, and retries the failed items', async () => {
    // A cancelled job, so the background does not start fetching (there is no network in tests).
    let job = markFailed(markDone(createJob('j', 'pocket', items), 0, 'aaaaaaaaaaaaaaaaaaaa'), 1, 'HTTP 404');
    job = cancelJob(job);
    await storage.updateImportJob(() => job);
    render(<ImportProgress />);
    expect(await screen.findByText('Cancelled: 2 of 3 done (1 imported, 1 failed).')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Pages that could not be imported' })).toHaveTextContent('http://127.0.0.1:9/2: HTTP 404');
    expect(screen.queryByRole('button', { name: 'Cancel import' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry failed' }));
    await waitFor(async () => expect((await storage.readImportJob())?.items[1]?.status).not.toBe('failed'));
    expect((await storage.readImportJob())?.state).not.toBe('cancelled');
  });

  it('follows the stored job live and offers Cancel while it runs', async () => {
    render(<ImportProgress />);
    await storage.updateImportJob(() => cancelJob(createJob('k', 'bookmarks', items)));
    expect(await screen.findByText('Cancelled: 0 of 3 done (0 imported, 0 failed).')).toBeInTheDocument();
    await storage.updateImportJob((j) => j && { ...j, state: 'running' });
    expect(await screen.findByRole('button', { name: 'Cancel import' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    await waitFor(async () => expect((await storage.readImportJob())?.state).toBe('cancelled'));
  });
});
