/**
 * Lectern's layers, checked by dependency-cruiser in `npm run lint` (`npm run lint:layers` alone).
 * Type-only imports count too: a layer that names another's types depends on it.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const PAGES = '^src/(popup|reader|options|welcome|library|ui)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules that import each other cannot be understood (or tested) one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-extract-and-sanitize',
      comment:
        'Extraction and sanitizing are pure functions of a document: no browser API, no storage, so jest and ' +
        'the Node build run them as they are.',
      severity: 'error',
      from: { path: '^src/(extract|sanitize)/' },
      to: { path: ['^src/storage/', 'node_modules/webextension-polyfill/'] },
    },
    {
      name: 'pure-extract-and-sanitize-reachable',
      comment: 'Not through another module either (shared/messages.ts, say, which uses the browser API).',
      severity: 'error',
      from: { path: '^src/(extract|sanitize)/' },
      to: { path: ['^src/storage/', 'node_modules/webextension-polyfill/'], reachable: true },
    },
    {
      name: 'storage-knows-no-screen-or-format',
      comment:
        'Storage keeps records; screens and file formats (import, export) build on it, never the other way round.',
      severity: 'error',
      from: { path: '^src/storage/' },
      to: { path: '^src/(ui|popup|reader|options|library|welcome|import|export)/' },
    },
    {
      name: 'sync-builds-on-storage',
      comment: 'The sync engine (src/sync/) merges and talks to the server; storage and shared data are all it builds on, never a screen.',
      severity: 'error',
      from: { path: '^src/sync/' },
      to: { path: '^src/(ui|popup|reader|options|library|welcome|background|import|export)/' },
    },
    {
      name: 'storage-knows-no-sync',
      comment: 'Storage records what changed; the sync engine decides what to do with it (a merge is passed in, not imported).',
      severity: 'error',
      from: { path: '^src/storage/' },
      to: { path: '^src/sync/' },
    },
    {
      name: 'pages-reach-background-by-messages',
      comment: 'Extension pages run in their own context: they talk to the background through shared/messages.ts.',
      severity: 'error',
      from: { path: PAGES },
      to: { path: '^src/background/' },
    },
    {
      name: 'offscreen-imports-no-background',
      comment: "The offscreen document is a separate context: the background's code and state are not there.",
      severity: 'error',
      from: { path: '^src/offscreen/' },
      to: { path: '^src/background/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
