/** Filler paragraphs so Readability accepts a small test page as an article (no jsdom import: usable in jest's jsdom environment). */
export function paragraphs(count: number, words = 60): string {
  const sentence = 'The council met on Tuesday evening to discuss the new library, the river path and the budget for next year';
  return Array.from({ length: count }, (_, i) => `<p>Paragraph ${i + 1}. ${Array(Math.ceil(words / 20)).fill(sentence).join('. ')}.</p>`).join('\n');
}
