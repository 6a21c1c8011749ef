import { Command } from "commander";
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
      const { reviewSpecs } = await import("../../app/reviews.js");
      setExit(await reviewSpecs(options, context));
    });
