import { Command } from "commander";
import type { CommandFactory } from "./options.js";

/** `slocc init`: set up the current repository for its SLOs, never overwriting a file. */
export const initCommand: CommandFactory = (context, setExit) =>
  new Command("init")
    .description(
      "set up this repository: an example spec in slos/, cdktf.json, the GitHub workflow and .gitignore entries; " +
        "existing files are never overwritten",
    )
    .addHelpText("after", "\nExample:\n  $ npm install --save-dev slocc && npx slocc init")
    .action(async () => {
      const { initRepository } = await import("../../app/init.js");
      setExit(await initRepository(context));
    });
