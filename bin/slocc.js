#!/usr/bin/env node
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const entry = join(__dirname, "..", "dist", "cli", "main.js");
if (existsSync(entry)) {
  require(entry)
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
} else {
  // Installed from its sources (a git dependency, which npm 11 does not build unless allowed):
  // say what to do rather than fail with a missing module's stack trace.
  process.stderr.write(
    "slocc: this copy of slocc was never built (it has no dist/): install the release tarball instead, " +
      "as docs/install.md in slocc's package says (npm install --save-dev ./vendor/slocc-<version>.tgz)\n",
  );
  process.exitCode = 1;
}
