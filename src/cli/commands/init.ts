import { Command } from "commander";
import type { CommandFactory } from "./options.js";

/** `slocc init`: set up the current repository for its SLOs, never overwriting a file. */
export const initCommand: CommandFactory = (context, setExit) =>
  new Command("init")
    .description(
      "set up this project (at its root): an example spec in slos/, cdktf.json, the GitHub workflow and .gitignore entries, " +
        "never overwriting a file; then check that CI's npm ci installs the slocc package.json names",
    )
    .addHelpText(
      "after",
      "\nExample:\n  $ npm install --save-dev ./vendor/slocc-0.1.0.tgz && npx slocc init   # see docs/install.md",
    )
    .action(async () => {
      const { initRepository } = await import("../../app/init.js");
      setExit(await initRepository(context));
    });
