/** Every element under `root` in document order, by element links (a selector query costs more in jsdom). */
export function* elementsUnder(root: Element): Generator<Element> {
  let el = root.firstElementChild;
  while (el) {
    yield el;
    let next = el.firstElementChild;
    for (let up: Element | null = el; !next && up && up !== root; up = up.parentElement) next = up.nextElementSibling;
    el = next;
  }
}
