import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import browser, { resetFakeBrowser } from '../../helpers/fake-browser';
import { WebImages } from '../../../src/options/WebImages';
import { readWebImagePolicy, setWebImagePolicy } from '../../../src/storage';

beforeEach(resetFakeBrowser);

describe('options: Load images from the web in saved articles', () => {
  it('offers the three choices as one named group, with the default chosen', async () => {
    render(<WebImages />);
    const group = await screen.findByRole('group', { name: 'Load images from the web in saved articles' });
    expect(group).toHaveAccessibleDescription(/tells its site that, and when, you read it/);
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.closest('label')?.textContent?.trim())).toEqual([
      'Always (as the page had them; offline copies are not used)',
      'Only when there is no offline copy',
      'Never (offline copies only)',
    ]);
    expect(screen.getByRole('radio', { name: 'Only when there is no offline copy' })).toBeChecked();
  });

  it('stores the choice, and shows a choice made in another tab', async () => {
    render(<WebImages />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Never (offline copies only)' }));
    await waitFor(async () => expect(await readWebImagePolicy()).toBe('never'));
    await setWebImagePolicy('always');
    await waitFor(() => expect(screen.getByRole('radio', { name: /^Always/ })).toBeChecked());
  });

  it('says when the choice could not be stored, and shows the stored one again', async () => {
    render(<WebImages />);
    const never = await screen.findByRole('radio', { name: 'Never (offline copies only)' });
    browser.storage.local.failNextWrites = { count: 2, message: 'IO error: disk full' };
    fireEvent.click(never);
    expect(await screen.findByRole('alert')).toHaveTextContent('disk full');
    expect(screen.getByRole('radio', { name: 'Only when there is no offline copy' })).toBeChecked();
    expect(await readWebImagePolicy()).toBe('withoutCopy');
  });
});
