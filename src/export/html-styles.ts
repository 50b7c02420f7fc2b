/** The stylesheet inlined into exported HTML files: readable on screen, clean on paper. */
export const EXPORT_CSS = `
:root { color-scheme: light dark; }
body { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; font: 1.125rem/1.6 Georgia, "Times New Roman", serif; color: #1d1d1f; background: #fffdf8; }
@media (prefers-color-scheme: dark) { body { color: #e8e6e3; background: #1b1b1d; } a { color: #8ab4f8; } }
header { border-bottom: 1px solid #8884; margin-bottom: 1.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
.meta { font: .9rem/1.4 system-ui, sans-serif; opacity: .8; margin: .25rem 0; }
img, video { max-width: 100%; height: auto; }
figure { margin: 1.5rem 0; }
figcaption { font-size: .9rem; opacity: .8; }
pre { overflow-x: auto; padding: .75rem; background: #8881; border-radius: 4px; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid #8886; }
table { border-collapse: collapse; } th, td { border: 1px solid #8886; padding: .25rem .5rem; }
footer { border-top: 1px solid #8884; margin-top: 2rem; font: .85rem system-ui, sans-serif; opacity: .8; }
@media print {
  body { max-width: none; margin: 0; color: #000; background: #fff; font-size: 11pt; }
  a { color: inherit; }
  pre, blockquote, figure, img, table { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
}
`.trim();
