#!/usr/bin/env node
"use strict";
require("../dist/cdktf-app.js")
  .runCdktfApp()
  .then((code) => {
    process.exitCode = code;
  });
