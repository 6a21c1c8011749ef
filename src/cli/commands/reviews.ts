import { Command, Option } from "commander";
import type { ReviewsOptions } from "../../app/reviews.js";
import { dirOption, formatOption, todayOption, type CommandFactory } from "./options.js";

const EXAMPLES = [
  "slocc reviews",
  "slocc reviews --today 2027-01-15 --format json",
  "slocc preview --json-out preview.json && slocc reviews --preview preview.json",
];

/** `slocc reviews`: when each service's SLOs are next due for review. */
export const reviewsCommand: CommandFactory = (context, setExit) =>
  new Command("reviews")
    .description("list every service with its last SLO review, the next due date and its status, soonest first")
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(formatOption(["text", "json"]))
    .addOption(
      new Option(
        "--preview <file>",
        "a report of `slocc preview --format json`: show the measured SLI of each SLO of the services due for review",
      ),
    )
    .addHelpText("after", `\nExamples:\n${EXAMPLES.map((example) => `  $ ${example}`).join("\n")}`)
    .action(async (options: ReviewsOptions) => {
      const { runReviews } = await import("../../app/reviews.js");
      setExit(await runReviews(options, context));
    });
