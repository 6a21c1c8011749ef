import { diagnostic } from "../diagnostics/diagnostic.js";
import { reviewStatus } from "../model/cadence.js";
import type { Rule } from "./rule.js";

/** Warns when a service's SLO review is past due on the day judged. */
export const checkReviewDue: Rule = (model, context) =>
  (model.services ?? []).flatMap((service) => {
    const review = service.review;
    if (review?.due === undefined || reviewStatus(review.due, context.today) !== "overdue") return [];
    return [
      diagnostic(
        "REVIEW_OVERDUE",
        `the SLO review was due on ${review.due} (last ${review.last ?? ""}, every ${review.every ?? ""}): hold the review, then set \`last\` to its date`,
        review.at.last,
      ),
    ];
  });
