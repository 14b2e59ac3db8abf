/**
 * The import direction (`npm run lint:imports`, part of `npm test`). Imports run one way: the app's
 * composition on top, features below it, the API client, shared UI and i18n at the bottom; the
 * contract (electron/api) is shared by the renderer and the core and imports neither; the core runs
 * under plain Node and never sees Electron or the renderer.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'feature-imports-app',
      comment: 'Features sit below the app: the shell and routes compose them, never the other way round.',
      severity: 'error',
      from: { path: '^renderer/src/features/' },
      to: { path: '^renderer/src/app/' },
    },
    {
      name: 'bottom-imports-up',
      comment: 'The API client, shared UI and i18n are the ground every feature stands on; they know no feature and no app.',
      severity: 'error',
      from: { path: '^renderer/src/(shared|ui|i18n)/' },
      to: { path: '^renderer/src/(features|app)/' },
    },
    {
      name: 'renderer-imports-process-side',
      comment: 'The page reaches the core only through the contract (electron/api) and the preload bridge.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron/(core|main|preload)/', '^node_modules/electron/'] },
    },
    {
      name: 'core-imports-electron-or-renderer',
      comment: 'The core runs under plain Node (tests, bench, tools): no Electron, no main process, no renderer.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: ['^renderer/', '^electron/(main|preload)/', '^node_modules/electron/'] },
    },
    {
      name: 'contract-imports-sides',
      comment: 'The contract is shared by both sides, so it imports neither.',
      severity: 'error',
      from: { path: '^electron/api/' },
      to: { path: ['^electron/(core|main|preload)/', '^renderer/', '^node_modules/electron/'] },
    },
    {
      name: 'unresolvable',
      comment: 'An import that resolves to nothing (e.g. a mistyped alias) would slip past the rules above.',
      severity: 'error',
      from: { path: '^(electron|renderer)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(css|png|svg)$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
