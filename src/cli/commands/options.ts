import { InvalidArgumentError, Option, type Command } from "commander";
import type { AppContext } from "../../app/context.js";
import { backendChoice } from "../../settings/backend.js";
import { DEFAULT_DATADOG_PROVIDER, datadogProviderConstraint } from "../../settings/datadog-provider.js";
import { UsageError } from "../../util/usage-error.js";
import { isRealDate } from "../../util/dates.js";

/** How every command is built: from the application context, with where to report the exit code. */
export type CommandFactory = (context: AppContext, setExit: (code: number) => void) => Command;

/** `--dir`: where the service specs are. */
export function dirOption(): Option {
  return new Option("--dir <path>", "directory of service specs, or one spec file").default("slos");
}

/** What the `[path]` argument of commands that read specs means. */
export const specPathArgument =
  "a directory of specs, or one spec file, compiled with the files beside it that declare no service (default: --dir)";

/** `--strict`: warnings fail too. */
export function strictOption(): Option {
  return new Option("--strict", "exit 1 on warnings as well as errors").default(false);
}

/** `--out`: where the Terraform stacks are written. */
export function outOption(): Option {
  return new Option("--out <dir>", "output directory").default("cdktf.out");
}

/** `--format`: one of the given output formats, the first by default. */
export function formatOption(formats: readonly [string, ...string[]]): Option {
  return new Option("--format <format>", "output format").choices(formats).default(formats[0]);
}

/** `--today`: the day review deadlines are judged against, for reproducible runs. */
export function todayOption(): Option {
  return new Option("--today <YYYY-MM-DD>", "judge review deadlines as of this day (default: today, UTC)").argParser(
    (value: string) => {
      if (!isRealDate(value)) throw new InvalidArgumentError("write the date as YYYY-MM-DD");
      return value;
    },
  );
}

/** The spec options every reading command takes: `--dir` and `--today`. */
export interface SpecSourceOptions {
  readonly dir: string;
  readonly today?: string;
}

/**
 * `--backend` and `--backend-config`: where stacks keep their state; `--datadog-provider`: the
 * provider versions they accept. Without them, SLOCC_BACKEND, SLOCC_BACKEND_CONFIG (comma-separated)
 * and SLOCC_DATADOG_PROVIDER are read, so CI can set them once.
 */
export function stackSettingOptions(): Option[] {
  return [
    new Option(
      "--backend <type>",
      "Terraform backend for the state: local (default), s3, gcs, azurerm, remote... [env: SLOCC_BACKEND]",
    ).argParser((value: string) => {
      checked(() => backendChoice(value, []));
      return value;
    }),
    new Option(
      "--backend-config <key=value>",
      "a backend setting, repeatable; {stack} stands for the stack's name [env: SLOCC_BACKEND_CONFIG]",
    ).argParser((value: string, previous: string[] | undefined) => {
      checked(() => backendChoice("local", [value]));
      return [...(previous ?? []), value];
    }),
    new Option(
      "--datadog-provider <constraint>",
      `the Datadog provider versions the stacks accept, 4.4.0 or later (default "${DEFAULT_DATADOG_PROVIDER}") [env: SLOCC_DATADOG_PROVIDER]`,
    ).argParser((value: string) => checked(() => datadogProviderConstraint(value))),
  ];
}

function checked<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof UsageError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

/** `command` with every option added, in order. */
export function withOptions(command: Command, options: readonly Option[]): Command {
  for (const option of options) command.addOption(option);
  return command;
}

/** `--force`: overwrite files that already exist in the output directory. */
export function forceOption(): Option {
  return new Option("--force", "overwrite files that already exist in the output directory").default(false);
}
