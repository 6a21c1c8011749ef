import { plural } from "../diagnostics/format.js";
import type { StackRun, StepResult } from "../terraform/run.js";
import { EXIT, type CliIo } from "./io.js";

/** How many non-blank lines of terraform's error output a failure report repeats. */
const ERROR_TAIL_LINES = 15;

/**
 * Prints each stack's terraform output on stdout as one block headed by the stack's name, in the
 * runs' order, then on stderr each failure with the end of terraform's error output and a summary.
 * Returns the exit code: 1 when any stack failed.
 */
export function reportStackRuns(runs: readonly StackRun[], command: string, io: CliIo): number {
  for (const run of runs) io.stdout(formatBlock(run));
  const failures = runs.flatMap((run) => (run.failed ? [{ stack: run.stack, step: run.failed }] : []));
  for (const { stack, step } of failures) io.stderr(formatFailure(stack, step));
  if (failures.length === 0) {
    io.stderr(`${command} succeeded in ${plural(runs.length, "stack")}\n`);
    return EXIT.ok;
  }
  io.stderr(`${command} failed in ${failures.length} of ${plural(runs.length, "stack")}: ${failures.map((failure) => failure.stack).join(", ")}\n`);
  return EXIT.failure;
}

function formatBlock(run: StackRun): string {
  const steps = run.steps.map((step) => `$ ${commandLine(step)}\n${withFinalNewline(step.output)}`);
  return `=== ${run.stack} ===\n${steps.join("")}\n`;
}

function formatFailure(stack: string, step: StepResult): string {
  const status = step.exitCode === null ? "" : ` (exit code ${step.exitCode})`;
  const tail = lastLines(step.errorOutput || step.output, ERROR_TAIL_LINES).map((line) => `    ${line}\n`);
  return `slocc: ${stack}: terraform ${step.args[0] ?? ""} failed${status}${tail.length > 0 ? ":" : ""}\n${tail.join("")}`;
}

function commandLine(step: StepResult): string {
  return ["terraform", ...step.args].join(" ");
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
