import { CommanderError, InvalidArgumentError, Option, type Command } from "commander";
import type { AppContext } from "../../app/context.js";
import type { OutputKind } from "../../app/output-path.js";
import { backendChoice } from "../../settings/backend.js";
import { DEFAULT_DATADOG_PROVIDER, datadogProviderConstraint } from "../../settings/datadog-provider.js";
import type { Outcome } from "../../diagnostics/outcome.js";
import { isRealDate } from "../../util/dates.js";

/** How every command is built: from the application context, with where to report the exit code. */
export type CommandFactory = (context: AppContext, setExit: (code: number) => void) => Command;

/**
 * What a path option is, for what is done before the command runs ({@link pathRoleOf}): a default
 * given relative to the project root (`slos`, `cdktf.out`) and, for what the command writes, whether
 * it names a directory or a file.
 */
export interface PathRole {
  readonly fromProjectRoot: boolean;
  readonly writes?: OutputKind;
}

const PATH_ROLES = new WeakMap<Option, PathRole>();

/** An option naming a path, with its role. */
export function pathOption(flags: string, description: string, role: PathRole): Option {
  const option = new Option(flags, description);
  PATH_ROLES.set(option, role);
  return option;
}

/** The role of a path option, or undefined for any other option. */
function pathRoleOf(option: Option): PathRole | undefined {
  return PATH_ROLES.get(option);
}

/** How a default relative to the project root is shown in help. */
function atProjectRoot(path: string): string {
  return `${path} at the project root`;
}

/** `--dir`: where the service specs are; by default `slos` at the project root. */
export function dirOption(): Option {
  return pathOption("--dir <path>", "directory of service specs, or one spec file", { fromProjectRoot: true }).default(
    "slos",
    atProjectRoot("slos"),
  );
}

/** What the `[path]` argument of commands that read specs means. */
export const specPathArgument =
  "a directory of specs, or one spec file, compiled with the files beside it that declare no service (default: --dir)";

/** `--strict`: warnings fail too. */
export function strictOption(): Option {
  return new Option("--strict", "exit 1 on warnings as well as errors").default(false);
}

/** `--out`: where the Terraform stacks are written; by default `cdktf.out` at the project root. */
export function outOption(): Option {
  return pathOption("--out <dir>", "output directory", { fromProjectRoot: true, writes: "directory" }).default(
    "cdktf.out",
    atProjectRoot("cdktf.out"),
  );
}

/** An option naming a directory the command writes files into, such as `--out <dir>` of an import. */
export function outputDirectoryOption(flags: string, description: string): Option {
  return pathOption(flags, description, { fromProjectRoot: false, writes: "directory" });
}

/** An option naming a file the command writes, such as `--summary <file>`. */
export function outputFileOption(flags: string, description: string): Option {
  return pathOption(flags, description, { fromProjectRoot: false, writes: "file" });
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
      accepted(backendChoice(value, []));
      return value;
    }),
    new Option(
      "--backend-config <key=value>",
      "a backend setting, repeatable; {stack} stands for the stack's name [env: SLOCC_BACKEND_CONFIG]",
    ).argParser((value: string, previous: string[] | undefined) => {
      accepted(backendChoice("local", [value]));
      return [...(previous ?? []), value];
    }),
    new Option(
      "--datadog-provider <constraint>",
      `the Datadog provider versions the stacks accept, 4.5.0 or later (default "${DEFAULT_DATADOG_PROVIDER}") [env: SLOCC_DATADOG_PROVIDER]`,
    ).argParser((value: string) => accepted(datadogProviderConstraint(value))),
  ];
}

/** An option's value once read, or commander's refusal of it, with the reason. */
function accepted<T>(read: Outcome<T>): T {
  if (!read.ok) throw new InvalidArgumentError(read.problems.map((problem) => problem.message).join("; "));
  return read.value;
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

/**
 * Before a command runs: each path option left at its default relative to the project root is
 * made relative to the working directory (`slos` becomes `../slos` in the root's subdirectory
 * `docs/`), so every command reads and writes the same files from any subdirectory; paths given
 * on the command line stay relative to the working directory. Then every path the command would
 * write is checked, so a file where a directory should be stops it with one line (exit 2) before
 * anything is read or written.
 */
export async function preparePathOptions(command: Command, context: AppContext): Promise<void> {
  const roles = command.options.flatMap((option) => {
    const role = pathRoleOf(option);
    return role ? [{ option, role, key: option.attributeName() }] : [];
  });
  if (roles.length === 0) return;
  const [{ fromProjectRoot }, { checkOutputPath }] = await Promise.all([
    import("../../app/project-root.js"),
    import("../../app/output-path.js"),
  ]);
  const fromRoot = fromProjectRoot(context.cwd);
  for (const { option, role, key } of roles) {
    const value: unknown = command.getOptionValue(key);
    if (typeof value !== "string") continue;
    const defaulted = command.getOptionValueSource(key) === "default";
    const path = role.fromProjectRoot && defaulted ? await fromRoot(value) : value;
    if (path !== value) command.setOptionValueWithSource(key, path, "default");
    const writable = role.writes
      ? await checkOutputPath(option.long ?? key, path, role.writes, context.cwd)
      : undefined;
    if (writable && !writable.ok) {
      const { printProblems } = await import("../../app/print.js");
      const code = printProblems(writable.problems, context);
      throw new CommanderError(code, "slocc.outputPath", writable.problems[0]?.message ?? "");
    }
  }
}
