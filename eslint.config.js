// @ts-check
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

/** Layers may only import downwards: ui → services → {engine, audio, storage}; engine → nothing. */
const layer = (forbidden, why, more = []) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [...forbidden.map((group) => ({ group: [`**/${group}/*`, `../${group}/*`], message: why })), ...more] },
  ],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.node.json', './src/offline/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Event handlers written as `() => player.pause()` read best as they are.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Leaving a field out of a copy (`const { offset, ...fields } = event`) is how an object loses one key.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'innerHTML breaks the strict CSP; render with Lit.' },
      ],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },

  {
    files: ['src/ui/**/*.ts'],
    ...lit.configs['flat/all'],
  },
  {
    files: ['src/ui/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: {
      'lit/no-template-arrow': 'off',
      'lit/no-template-map': 'off',
      'lit/no-native-attributes': 'off',
      'wc/guard-super-call': 'off',
      // The UI reaches audio, storage and offline code through services, and takes only types from the engine.
      // Its files sit one folder deep (src/ui/<feature>/), so the layers are two levels up.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/audio/*', '../../audio/*', '**/storage/*', '../../storage/*', '**/compiler/*', '../../compiler/*', '**/offline/*', '../../offline/*', '**/speech/*', '../../speech/*', '**/narrator/*', '../../narrator/*'], message: 'UI elements reach audio, storage, offline and speech through services.' },
            { group: ['**/engine/*', '../../engine/*'], allowTypeImports: true, message: 'The UI takes only types from the engine; what it computes comes through services.' },
          ],
        },
      ],
    },
  },
  { files: ['src/engine/**/*.ts'], rules: layer(['ui', 'services', 'audio', 'storage', 'offline', 'compiler', 'speech', 'narrator'], 'The engine is pure: it imports nothing of ours outside itself.') },
  { files: ['src/audio/**/*.ts'], rules: layer(['ui', 'services', 'storage', 'offline', 'compiler', 'speech', 'narrator'], 'audio depends only on the engine.') },
  { files: ['src/storage/**/*.ts'], rules: layer(['ui', 'services', 'audio', 'offline', 'compiler', 'speech', 'narrator'], 'storage depends only on the engine.') },
  { files: ['src/services/**/*.ts'], rules: layer(['ui', 'compiler'], 'services never import UI elements or the Node-only compiler.') },
  { files: ['src/speech/**/*.ts'], rules: layer(['ui', 'services', 'audio', 'storage', 'offline', 'compiler', 'narrator'], 'speech is pure and shared by the compiler and the app: it imports only the engine.', [
      { group: ['node:*'], message: 'speech runs in the browser too: no Node modules.' },
    ]) },
  { files: ['src/narrator/**/*.ts'], rules: layer(['ui', 'services', 'audio', 'storage', 'offline', 'compiler'], 'the narrator worker runs shared speech code and the engine only.') },
  { files: ['src/compiler/**/*.ts'], rules: layer(['ui', 'services', 'audio', 'storage', 'offline', 'narrator'], 'the compiler shares only the engine and speech with the app.') },
);
