import { InvalidArgumentError, Option } from "commander";
import type { CompileOptions } from "../../compile.js";
import { backendChoice, BackendConfigError, type BackendChoice } from "../../config/backend.js";
import { DATE_PATTERN, isRealDate } from "../../spec/v1.js";

/** `--dir`: where the service specs are. */
export function dirOption(): Option {
  return new Option("--dir <path>", "directory of service specs").default("slos");
}

/** `--strict`: warnings fail too. */
export function strictOption(): Option {
  return new Option("--strict", "exit 1 on warnings as well as errors").default(false);
}

/** `--out`: where the Terraform stacks are written. */
export function outOption(): Option {
  return new Option("--out <dir>", "output directory").default("cdktf.out");
}

/** `--today`: the day review deadlines are judged against, for reproducible runs. */
export function todayOption(): Option {
  return new Option("--today <YYYY-MM-DD>", "judge review deadlines as of this day (default: today, UTC)").argParser((value: string) => {
    if (!DATE_PATTERN.test(value) || !isRealDate(value)) throw new InvalidArgumentError("write the date as YYYY-MM-DD");
    return value;
  });
}

/** The spec options every reading command takes: `--dir` and `--today`. */
export interface SpecSourceOptions {
  readonly dir: string;
  readonly today?: string;
}

/** Compilation options from the command line's spec options. */
export function compileOptions(options: SpecSourceOptions): CompileOptions {
  return options.today === undefined ? {} : { today: options.today };
}

/**
 * `--backend` and `--backend-config`: where stacks keep their state, also read from SLOCC_BACKEND
 * and SLOCC_BACKEND_CONFIG (comma-separated) so CI can set them once.
 */
export function backendOptions(): Option[] {
  return [
    new Option("--backend <type>", "Terraform backend for the state: local (default), s3, gcs, azurerm, remote...").env("SLOCC_BACKEND").argParser((value: string) => {
      checked(() => backendChoice(value, []));
      return value;
    }),
    new Option("--backend-config <key=value>", "a backend setting, repeatable; {stack} stands for the stack's name").env("SLOCC_BACKEND_CONFIG").argParser((value: string, previous: string[] | undefined) => {
      checked(() => backendChoice("local", [value]));
      return [...(previous ?? []), value];
    }),
  ];
}

/** The backend options as parsed by commander. */
export interface BackendOptions {
  readonly backend?: string;
  readonly backendConfig?: readonly string[];
}

/** The backend chosen on the command line (already checked by the option parsers). */
export function backendFrom(options: BackendOptions): BackendChoice {
  return backendChoice(options.backend, options.backendConfig ?? []);
}

function checked(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    if (error instanceof BackendConfigError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}
