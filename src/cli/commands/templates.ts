import { Command } from "commander";
import { dirOption, formatOption, type CommandFactory } from "./options.js";

/** `slocc templates`: the SLI templates SLOs can use, built in and declared. */
export const templatesCommand: CommandFactory = (context, setExit) =>
  new Command("templates")
    .description(
      "list the SLI templates SLOs can use (`sli: { template, params }`): slocc's built-in ones and those the specs declare",
    )
    .addOption(dirOption())
    .addOption(formatOption(["text", "json"]))
    .addHelpText("after", "\nExamples:\n  $ slocc templates\n  $ slocc templates --format json")
    .action(async (options: { dir: string; format: "text" | "json" }) => {
      const { runTemplates } = await import("../../app/templates.js");
      setExit(await runTemplates(options, context));
    });
