import { Command } from "commander";
import { EXIT } from "../../app/exit.js";
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
      const [{ printDiagnostics }, { listTemplates }, { templatesJson, templatesText }] = await Promise.all([
        import("../../app/print.js"),
        import("../../app/templates.js"),
        import("../../render/templates.js"),
      ]);
      const listing = await listTemplates(options.dir, context.cwd);
      if (printDiagnostics(listing, context, "text", false) !== EXIT.ok) return setExit(EXIT.failure);
      context.stdout(`${options.format === "json" ? templatesJson(listing.value) : templatesText(listing.value)}\n`);
      setExit(EXIT.ok);
    });
