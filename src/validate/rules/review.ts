import { nextReviewDate, reviewStatus } from "../../model/review-cadence.js";
import type { ServiceV1 } from "../../spec/v1.js";
import type { Report } from "./report.js";

/** Warns when the service's SLO review is past due on `today`. */
export function checkReviewDue(review: ServiceV1["review"], today: string, report: Report): void {
  if (!review) return;
  const due = nextReviewDate(review.last, review.every);
  if (reviewStatus(due, today) === "overdue") {
    report("REVIEW_OVERDUE", `the SLO review was due on ${due} (last ${review.last}, every ${review.every}): hold the review, then set \`last\` to its date`, ["review", "last"]);
  }
}
