import { reviewStatus, type ReviewStatus } from "../model/cadence.js";
import type { Model, Service } from "../model/model.js";
import { daysBetween } from "../util/dates.js";
import { compareText } from "../util/text.js";

/** One service's place in the review calendar. */
export interface ReviewEntry {
  readonly service: string;
  readonly owner: string;
  readonly approvers: readonly string[];
  readonly every?: string;
  readonly last?: string;
  readonly due?: string;
  /** Days from today to the due date; negative when overdue. */
  readonly daysLeft?: number;
  readonly status: ReviewStatus | "unscheduled";
}

/** Every service with its last review, next due date and status, soonest due first; unscheduled last. */
export function reviewCalendar(model: Model, today: string): ReviewEntry[] {
  return model.services
    .map((service) => reviewEntry(service, today))
    .sort(
      (a, b) =>
        (a.due === undefined ? 1 : 0) - (b.due === undefined ? 1 : 0) ||
        compareText(a.due ?? "", b.due ?? "") ||
        compareText(a.service, b.service),
    );
}

/** A service instance's last review, next due date and status on `today` (YYYY-MM-DD). */
export function reviewEntry(service: Service, today: string): ReviewEntry {
  const base = {
    service: service.stack,
    owner: service.owner,
    approvers: service.approvers.map((approver) => approver.value),
  };
  if (!service.review) return { ...base, status: "unscheduled" };
  const { every, last, due } = service.review;
  return { ...base, every, last, due, daysLeft: daysBetween(today, due), status: reviewStatus(due, today) };
}
