import { Command } from "commander";
import { EXIT } from "../../app/exit.js";
import { todayUtc } from "../../util/dates.js";
import { dirOption, formatOption, todayOption, type CommandFactory, type SpecSourceOptions } from "./options.js";

/** `slocc reviews`: when each service's SLOs are next due for review. */
export const reviewsCommand: CommandFactory = (context, setExit) =>
  new Command("reviews")
    .description("list every service with its last SLO review, the next due date and its status, soonest first")
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(formatOption(["text", "json"]))
    .addHelpText("after", "\nExamples:\n  $ slocc reviews\n  $ slocc reviews --today 2027-01-15 --format json")
    .action(async (options: SpecSourceOptions & { format: "text" | "json" }) => {
      const [{ compileDirectory }, { printDiagnostics }, { reviewCalendar }, { calendarText }] = await Promise.all([
        import("../../app/compile.js"),
        import("../../app/print.js"),
        import("../../views/calendar.js"),
        import("../../render/calendar.js"),
      ]);
      const result = await compileDirectory(options.dir, context.cwd, options);
      if (printDiagnostics(result, context, "text", false) !== EXIT.ok || !result.value) return setExit(EXIT.failure);
      const entries = reviewCalendar(result.value.model, options.today ?? todayUtc());
      context.stdout(
        `${options.format === "json" ? JSON.stringify({ reviews: entries }, null, 2) : calendarText(entries)}\n`,
      );
      setExit(EXIT.ok);
    });
