// ESLint flat config, type-aware (typescript-eslint project service).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["vitest.config.ts", "apps/web/vite.config.ts", "apps/web/vitest*.ts", "**/prisma.config.ts", "**/node_modules/**", "**/dist/**", "**/generated/**", "**/.turbo/**", "**/test-results/**", "artifacts/**", ".xiangda/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Two programs (the server-side tree and the web app) rather than one per package: the per-package project
      // service held ten overlapping programs and ran out of heap.
      parserOptions: { project: ["./tsconfig.json", "./apps/web/tsconfig.json"], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/only-throw-error": "off",
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    // A client checked out of the pg pool needs an 'error' listener, or a connection the server drops kills the
    // process: `withPgClient` / `withPgTransaction` (packages/db/src/pg-client.ts) are the only way to get one.
    files: ["**/*.ts"],
    ignores: ["packages/db/src/pg-client.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='connect'][callee.object.callee.name=/^(pgPool|rawPool)$/]",
          message: "Use withPgClient / withPgTransaction from @xiangda/db: a checked-out client needs an 'error' listener.",
        },
        {
          selector: "CallExpression[callee.property.name='connect'][callee.object.name=/[pP]ool$/]",
          message: "Use withPgClient / withPgTransaction from @xiangda/db: a checked-out client needs an 'error' listener.",
        },
      ],
    },
  },
  {
    // Size limits (issue #18): no function over 150 lines, no source file over 400. Tests, test fixtures, the
    // translation tables and the seed data tables are exempt.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "**/test-utils/**", "**/e2e/**", "apps/web/src/i18n/**", "**/seed/*-data.ts", "bench/**", "tests/**"],
    rules: {
      "max-lines-per-function": ["error", { max: 150, skipBlankLines: false, skipComments: false, IIFEs: true }],
      "max-lines": ["error", { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ["**/*.test.ts", "**/test-utils/**", "**/e2e/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
    },
  },
);
