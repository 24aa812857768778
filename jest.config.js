/**
 * Unit specs live beside the code (src/**\/*.spec.ts, and the web app's logic in web/src); e2e
 * suites in test/ (*.e2e-spec.ts). The browser tests (test/browser/*.pw.ts) run under Playwright.
 */
module.exports = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/web/src'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  // Postgres-only suites need the throwaway cluster: npm run test:pg (jest.postgres.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/postgres/'],
  transform: {
    // The web app's pure logic, compiled for Node with the DOM types it is written against.
    '^.+/web/src/.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          strict: true,
          esModuleInterop: true,
          skipLibCheck: true,
          types: ['jest'],
        },
      },
    ],
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: 'tsconfig.json',
        // The Swagger CLI plugin runs in tests too, so /docs-json in e2e matches the built app.
        astTransformers: { before: ['<rootDir>/test/swagger-transformer.js'] },
      },
    ],
  },
  testEnvironment: 'node',
  testTimeout: 30000,
  collectCoverageFrom: ['src/**/*.ts', '!src/main.ts', '!src/database/migrations/**'],
};
