/** Unit specs live beside the code (src/**\/*.spec.ts); e2e suites in test/ (*.e2e-spec.ts). */
module.exports = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  // Postgres-only suites need the throwaway cluster: npm run test:pg (jest.postgres.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/postgres/'],
  transform: {
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
