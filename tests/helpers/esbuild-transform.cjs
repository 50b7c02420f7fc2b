// Jest transformer: TypeScript/TSX → CommonJS with esbuild. Type errors are tsc's job (`npm run typecheck`).
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const loader = filename.endsWith('x') ? 'tsx' : filename.endsWith('.ts') ? 'ts' : 'js';
    const { code, map } = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      // Lazy `import()` (the popup's split chunks) becomes a require: jest's CommonJS runtime has no dynamic import.
      supported: { 'dynamic-import': false },
      jsx: 'automatic',
      jsxImportSource: 'preact',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code, map };
  },
};
