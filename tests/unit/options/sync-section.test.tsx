import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import browser, { answerPermissionPrompt, grantedOrigins, requireUserGesture, resetFakeBrowser, userGesture } from '../../helpers/fake-browser';
import { SyncSection } from '../../../src/options/SyncSection';
import { SYNC_STATUS_KEY, type SyncErrorCode, type SyncSettings, type SyncStatus } from '../../../src/shared/sync';
import en from '../../../src/_locales/en/messages.json';

/**
 * A stand-in for the background's sync handlers, keeping the contract of src/shared/messages.ts: it keeps
 * the secrets and answers the page with a view that only says whether they are set; it writes the status
 * where the page watches it.
 */
function fakeSyncBackground(stored: SyncSettings | null = null) {
  const state = { settings: stored, saves: [] as Record<string, unknown>[], syncs: 0, disconnects: 0 };
  const idle = (): SyncStatus => ({ configured: !!state.settings, running: false, progress: null, lastRunAt: null, lastOk: null, lastCounts: null, error: null });
  const publish = async (status: SyncStatus) => (await browser.storage.local.set({ [SYNC_STATUS_KEY]: status }), status);
  const handlers: Record<string, (data: Record<string, string>) => Promise<unknown>> = {
    getSyncStatus: async () => idle(),
    getSyncSettings: async () => ({ serverUrl: state.settings?.serverUrl ?? '', username: state.settings?.username ?? '', hasPassword: !!state.settings?.password, hasPassphrase: !!state.settings?.passphrase }),
    saveSyncSettings: async (data) => {
      state.saves.push(data);
      state.settings = { serverUrl: data.serverUrl ?? '', username: data.username ?? '', password: data.password ?? state.settings?.password ?? '', passphrase: data.passphrase ?? state.settings?.passphrase ?? '' };
      return publish(idle());
    },
    syncNow: async () => {
      state.syncs++;
      return publish({ ...idle(), lastRunAt: Date.now(), lastOk: true, lastCounts: { uploaded: 2, downloaded: 1, deleted: 0 } });
    },
    disconnectSync: async () => {
      state.disconnects++;
      state.settings = null;
      return publish(idle());
    },
  };
  browser.runtime.onMessage.addListener((message: unknown) => {
    const { type, data } = message as { type: string; data: Record<string, string> };
    return handlers[type]?.(data);
  });
  return state;
}

const status = (s: Partial<SyncStatus>): SyncStatus => ({ configured: true, running: false, progress: null, lastRunAt: null, lastOk: null, lastCounts: null, error: null, ...s });
const setStatus = (s: SyncStatus) => act(() => browser.storage.local.set({ [SYNC_STATUS_KEY]: s }));
const statusLine = () => screen.getByTestId('sync-status');
const type = (label: RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const syncNow = () => userGesture(() => fireEvent.click(screen.getByRole('button', { name: 'Sync now' })));

beforeEach(() => {
  resetFakeBrowser();
  browser.runtime.onMessage.listeners.length = 0;
  requireUserGesture();
});

describe('options: Sync section', () => {
  it('sets up: asks access to the server origin only, in the click, saves, syncs and says what moved', async () => {
    const background = fakeSyncBackground();
    answerPermissionPrompt(true);
    render(<SyncSection />);
    expect(await screen.findByText(/Sync is not set up/)).toBeInTheDocument();
    type(/^Server address/, ' https://cloud.example.org/remote.php/dav/files/ana/Lectern/ ');
    type(/^User name/, 'ana');
    type(/^Password/, 'app-password-1');
    type(/^Encryption passphrase/, 'correct horse');
    syncNow();
    await waitFor(() => expect(statusLine()).toHaveTextContent('2 uploaded, 1 downloaded, 0 deleted.'));
    expect([...grantedOrigins]).toEqual(['https://cloud.example.org/*']);
    expect(background.saves).toEqual([{ serverUrl: 'https://cloud.example.org/remote.php/dav/files/ana/Lectern/', username: 'ana', password: 'app-password-1', passphrase: 'correct horse' }]);
    expect(background.syncs).toBe(1);
    expect(statusLine()).toHaveTextContent(/Last synced now \(.*2026|Last synced now \(/);
    // The secrets left the page: the fields are empty again and say a stored one is kept.
    expect(screen.getByLabelText(/^Password/)).toHaveValue('');
    expect(screen.getByLabelText(/^Encryption passphrase/)).toHaveValue('');
    expect(screen.getByLabelText(/^Password/)).toHaveAccessibleDescription('Saved. Leave empty to keep it.');
  });

  it('asks for the host without its port, which Firefox patterns cannot hold (and Chrome covers every port with)', async () => {
    fakeSyncBackground();
    answerPermissionPrompt(true);
    render(<SyncSection />);
    await screen.findByText(/Sync is not set up/);
    type(/^Server address/, 'https://nas.example.net:5006/webdav/lectern/');
    syncNow();
    await waitFor(() => expect(statusLine()).toHaveTextContent('Last synced'));
    expect([...grantedOrigins]).toEqual(['https://nas.example.net/*']);
  });

  it('says when the permission is refused, and neither saves nor syncs', async () => {
    const background = fakeSyncBackground();
    answerPermissionPrompt(false);
    render(<SyncSection />);
    await screen.findByText(/Sync is not set up/);
    type(/^Server address/, 'https://nas.example.net:5006/webdav/lectern');
    syncNow();
    expect(await screen.findByRole('alert')).toHaveTextContent('Lectern may not connect to https://nas.example.net:5006: the permission was not granted.');
    expect(background.saves).toEqual([]);
    expect(background.syncs).toBe(0);
  });

  it.each([
    ['', 'Enter the address of your WebDAV folder.'],
    ['cloud.example.org/dav', 'This is not a web address.'],
    ['ftp://files.example.org/lectern', 'The address must start with https:// (or http://).'],
    ['https://ana:secret@cloud.example.org/dav/', 'Put the user name and password in their own fields'],
  ])('refuses the address %j in words, before asking anything', async (address, message) => {
    const background = fakeSyncBackground();
    answerPermissionPrompt(true);
    render(<SyncSection />);
    await screen.findByText(/Sync is not set up/);
    type(/^Server address/, address);
    syncNow();
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(grantedOrigins.size).toBe(0);
    expect(background.saves).toEqual([]);
  });

  it('warns that plain http sends the password unencrypted, except to this computer', async () => {
    fakeSyncBackground();
    render(<SyncSection />);
    await screen.findByText(/Sync is not set up/);
    type(/^Server address/, 'http://nas.example.net/dav/');
    expect(screen.getByText(/uses plain http/)).toBeInTheDocument();
    type(/^Server address/, 'http://127.0.0.1:8080/dav/');
    expect(screen.queryByText(/uses plain http/)).toBeNull();
    type(/^Server address/, 'http://localhost:8080/dav/');
    expect(screen.queryByText(/uses plain http/)).toBeNull();
  });

  it('never shows stored secrets, and keeps them when their fields stay empty', async () => {
    const background = fakeSyncBackground({ serverUrl: 'https://cloud.example.org/dav/', username: 'ana', password: 'hunter2-stored', passphrase: 'stored-passphrase' });
    answerPermissionPrompt(true);
    const { container } = render(<SyncSection />);
    await waitFor(() => expect(screen.getByLabelText(/^Server address/)).toHaveValue('https://cloud.example.org/dav/'));
    expect(screen.getByLabelText(/^User name/)).toHaveValue('ana');
    expect(screen.getByLabelText(/^Password/)).toHaveValue('');
    expect(screen.getByLabelText(/^Encryption passphrase/)).toHaveValue('');
    expect(container.innerHTML).not.toMatch(/hunter2|stored-passphrase/);
    // Nothing changed: Sync now syncs without saving anything.
    syncNow();
    await waitFor(() => expect(background.syncs).toBe(1));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sync now' })).toBeEnabled());
    expect(background.saves).toEqual([]);
    // A new user name is saved without any secret: the stored ones stay.
    type(/^User name/, 'ana2');
    syncNow();
    await waitFor(() => expect(background.syncs).toBe(2));
    expect(background.saves).toEqual([{ serverUrl: 'https://cloud.example.org/dav/', username: 'ana2' }]);
    expect(background.settings).toMatchObject({ password: 'hunter2-stored', passphrase: 'stored-passphrase' });
    expect(container.innerHTML).not.toMatch(/hunter2|stored-passphrase/);
  });

  it('says the credentials stay on this computer', async () => {
    fakeSyncBackground();
    render(<SyncSection />);
    expect(await screen.findByText(/kept on this computer only .* never synced/)).toBeInTheDocument();
  });

  it('follows a sync that an alarm runs: progress, then what it moved, with relative and absolute time', async () => {
    fakeSyncBackground({ serverUrl: 'https://cloud.example.org/dav/', username: 'ana', password: 'p', passphrase: '' });
    render(<SyncSection />);
    await screen.findByText('Not synced yet.');
    await setStatus(status({ running: true, progress: { done: 120, total: 1000 } }));
    expect(statusLine()).toHaveTextContent('Syncing: 120 of 1,000 articles…');
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '120');
    expect(screen.queryByText('Not synced yet.')).toBeNull();
    const at = Date.now() - 3 * 60_000;
    await setStatus(status({ lastRunAt: at, lastOk: true, lastCounts: { uploaded: 1000, downloaded: 0, deleted: 3 } }));
    const absolute = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short' }).format(at);
    expect(statusLine()).toHaveTextContent(`Last synced 3 minutes ago (${absolute}). 1,000 uploaded, 0 downloaded, 3 deleted.`);
    expect(screen.queryByRole('progressbar')).toBeNull();
    await setStatus(status({ lastRunAt: Date.now() - 2 * 3600_000, lastOk: true, lastCounts: { uploaded: 0, downloaded: 0, deleted: 0 } }));
    expect(statusLine()).toHaveTextContent(/Last synced 2 hours ago \(.*\)\. Everything was up to date\./);
  });

  const codes: SyncErrorCode[] = ['notConfigured', 'permission', 'unreachable', 'auth', 'notWebdav', 'passphrase', 'needsPassphrase', 'notEncrypted', 'newerFormat', 'server', 'quota', 'conflict'];
  it.each(codes)('says the error %s in words, with its detail', async (code) => {
    fakeSyncBackground({ serverUrl: 'https://cloud.example.org/dav/', username: 'ana', password: 'p', passphrase: '' });
    render(<SyncSection />);
    await screen.findByText('Not synced yet.');
    await setStatus(status({ lastRunAt: Date.now() - 60_000, lastOk: false, error: { code, detail: 'HTTP 507' } }));
    const sentence = (en as Record<string, { message: string }>)[`syncError_${code}`]?.message;
    expect(sentence).toBeTruthy();
    expect(statusLine()).toHaveTextContent('The last sync, 1 minute ago');
    expect(statusLine()).toHaveTextContent(`${sentence} (HTTP 507)`);
    expect(statusLine()).not.toHaveTextContent('⟦');
  });

  it('disconnects: the fields empty, the status says not set up, and it says what was kept', async () => {
    const background = fakeSyncBackground({ serverUrl: 'https://cloud.example.org/dav/', username: 'ana', password: 'p', passphrase: 'x' });
    render(<SyncSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByText(/This computer no longer syncs/)).toBeInTheDocument();
    expect(background.disconnects).toBe(1);
    expect(screen.getByLabelText(/^Server address/)).toHaveValue('');
    expect(statusLine()).toHaveTextContent('Sync is not set up');
    expect(screen.queryByRole('button', { name: 'Disconnect' })).toBeNull();
  });
});
