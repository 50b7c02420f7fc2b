import { fireEvent, render, screen } from '@testing-library/preact';
import { ProgressBar, scrollPercent } from '../../../src/ui/ProgressBar';

describe('reading progress', () => {
  it('is the share of the scrollable height already scrolled', () => {
    expect(scrollPercent({ scrollTop: 0, scrollHeight: 3000, clientHeight: 1000 })).toBe(0);
    expect(scrollPercent({ scrollTop: 500, scrollHeight: 3000, clientHeight: 1000 })).toBe(25);
    expect(scrollPercent({ scrollTop: 2000, scrollHeight: 3000, clientHeight: 1000 })).toBe(100);
    expect(scrollPercent({ scrollTop: 2500, scrollHeight: 3000, clientHeight: 1000 })).toBe(100); // overscroll
    expect(scrollPercent({ scrollTop: 0, scrollHeight: 800, clientHeight: 1000 })).toBe(100); // nothing to scroll
  });

  it('is a named progressbar whose value follows scrolling', () => {
    const el = document.documentElement; // jsdom has no scrollingElement; the component falls back to <html>
    // jsdom has no layout: give the document the sizes a browser would.
    Object.defineProperty(el, 'scrollHeight', { configurable: true, value: 2000 });
    Object.defineProperty(el, 'clientHeight', { configurable: true, value: 1000 });
    Object.defineProperty(el, 'scrollTop', { configurable: true, writable: true, value: 0 });
    render(<ProgressBar />);
    const bar = screen.getByRole('progressbar', { name: 'Reading progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    el.scrollTop = 400;
    fireEvent.scroll(window);
    expect(bar).toHaveAttribute('aria-valuenow', '40');
  });
});
