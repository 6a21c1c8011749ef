import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Vite's warnings are about transforming modules (such as source maps a package left out), not about the tests.
  logLevel: "error",
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/fresh-build.ts"],
    // A test file per core: most files wait on child processes (git, terraform, a browser) as much as they compute.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // GitHub's workflow parser imports its schema as JSON without an import attribute: transformed, it loads.
    server: { deps: { inline: ["@actions/workflow-parser"] } },
  },
});
