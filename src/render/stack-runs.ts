import type { StackRun, StepResult } from "../terraform/run.js";
import { plural } from "../util/text.js";

/** How many non-blank lines of terraform's error output a failure report repeats. */
const ERROR_TAIL_LINES = 15;

/** Each stack's terraform output as one block headed by the stack's name, in the runs' order. */
export function renderStackOutputs(runs: readonly StackRun[]): string {
  return runs.map(renderBlock).join("");
}

/** Each failure with the end of terraform's error output, then a summary line. */
export function renderStackSummary(runs: readonly StackRun[], command: string): string {
  const failures = runs.flatMap((run) => (run.failed ? [{ stack: run.stack, step: run.failed }] : []));
  if (failures.length === 0) return `${command} succeeded in ${plural(runs.length, "stack")}\n`;
  const details = failures.map(({ stack, step }) => renderFailure(stack, step)).join("");
  return `${details}${command} failed in ${failures.length} of ${plural(runs.length, "stack")}: ${failures.map((failure) => failure.stack).join(", ")}\n`;
}

function renderBlock(run: StackRun): string {
  const steps = run.steps.map((step) => `$ ${["terraform", ...step.args].join(" ")}\n${withFinalNewline(step.output)}`);
  return `=== ${run.stack} ===\n${steps.join("")}\n`;
}

function renderFailure(stack: string, step: StepResult): string {
  const status = step.exitCode === null ? "" : ` (exit code ${step.exitCode})`;
  const tail = lastLines(step.errorOutput || step.output, ERROR_TAIL_LINES).map((line) => `    ${line}\n`);
  return `slocc: ${stack}: terraform ${step.args[0] ?? ""} failed${status}${tail.length > 0 ? ":" : ""}\n${tail.join("")}`;
}

function lastLines(text: string, count: number): string[] {
  return text
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "")
    .slice(-count);
}

function withFinalNewline(text: string): string {
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}
