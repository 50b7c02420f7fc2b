// The maintained fork of turndown-plugin-gfm (Joplin) ships no types; only `gfm` is used.
declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  export function gfm(service: TurndownService): void;
}
