import { webcrypto } from 'node:crypto';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { answerPermissionPrompt, grantedOrigins, grantedPermissions, requireUserGesture, resetFakeBrowser, userGesture } from '../../helpers/fake-browser';
import { createJob, markDone, markFailed, cancelJob } from '../../../src/import/job';
import { readImportJob, updateImportJob } from '../../../src/import/stored-job';
import { ImportProgress } from '../../../src/options/ImportProgress';
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
    await updateImportJob(() => job);
    render(<ImportProgress />);
    expect(await screen.findByText('Cancelled: 2 of 3 done (1 imported, 1 failed).')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Pages that could not be imported' })).toHaveTextContent('http://127.0.0.1:9/2: HTTP 404');
    expect(screen.queryByRole('button', { name: 'Cancel import' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry failed' }));
    await waitFor(async () => expect((await readImportJob())?.items[1]?.status).not.toBe('failed'));
    expect((await readImportJob())?.state).not.toBe('cancelled');
  });

  const ALL_SITES = ['http://*/*', 'https://*/*'];
  const ended = async () => {
    await waitFor(async () => expect(['finished', 'cancelled']).toContain((await readImportJob())?.state));
    return (await readImportJob())!;
  };

  it('a retry asks, in the click, for the access the job gave back, and gives it back when the job ends again', async () => {
    // The job ran on hosts granted one by one, which were then taken back: it asked for nothing at Import.
    await updateImportJob(() => ({ ...cancelJob(createJob('r', 'pocket', items)), access: { origins: [], permissions: [] } }));
    requireUserGesture();
    answerPermissionPrompt(true);
    render(<ImportProgress />);
    const retry = await screen.findByRole('button', { name: 'Resume import' });
    userGesture(() => fireEvent.click(retry));
    await waitFor(async () => expect((await readImportJob())?.access).toEqual({ origins: ALL_SITES, permissions: ['webRequest'] }));
    await ended();
    await waitFor(() => expect([[...grantedOrigins], [...grantedPermissions]]).toEqual([[], []]));
  });

  it('a retry whose pages are covered by access granted before asks for nothing, and gives none of it back', async () => {
    for (const o of ALL_SITES) grantedOrigins.add(o); // for offline images, say
    grantedPermissions.add('webRequest');
    await updateImportJob(() => ({ ...cancelJob(createJob('s', 'pocket', items)), access: { origins: [], permissions: [] } }));
    requireUserGesture();
    render(<ImportProgress />);
    const retry = await screen.findByRole('button', { name: 'Resume import' });
    // Let the page work out that nothing is missing before the click.
    await new Promise((resolve) => setTimeout(resolve, 50));
    userGesture(() => fireEvent.click(retry));
    await waitFor(async () => expect((await readImportJob())?.state).not.toBe('cancelled'));
    const job = await ended();
    expect(job.access).toEqual({ origins: [], permissions: [] });
    expect([[...grantedOrigins], [...grantedPermissions]]).toEqual([ALL_SITES, ['webRequest']]);
  });

  it('follows the stored job live and offers Cancel while it runs', async () => {
    render(<ImportProgress />);
    await updateImportJob(() => cancelJob(createJob('k', 'bookmarks', items)));
    expect(await screen.findByText('Cancelled: 0 of 3 done (0 imported, 0 failed).')).toBeInTheDocument();
    await updateImportJob((j) => j && { ...j, state: 'running' });
    expect(await screen.findByRole('button', { name: 'Cancel import' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    await waitFor(async () => expect((await readImportJob())?.state).toBe('cancelled'));
  });
});
