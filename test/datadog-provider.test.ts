import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileDirectory } from "../src/app/compile.js";
import { DEFAULT_DATADOG_PROVIDER, datadogProviderConstraint } from "../src/settings/datadog-provider.js";
import { DEFAULT_STACK_SETTINGS } from "../src/settings/stack-settings.js";
import { synthesizeTo } from "../src/emit/synth.js";
import { runCli } from "./support/cli.js";
import { tempDir } from "./support/compile.js";
import { terraformBinary, terraformSkipNote } from "./support/terraform.js";

const EXAMPLES = join(__dirname, "..", "slos");

/** Why a constraint is refused (an INVALID_SETTING problem), or undefined when it is accepted. */
function refusal(constraint: string): string | undefined {
  const read = datadogProviderConstraint(constraint);
  if (read.ok) return undefined;
  expect(read.problems.map((problem) => problem.code)).toEqual(["INVALID_SETTING"]);
  return read.problems[0]?.message;
}

describe("the Datadog provider constraint", () => {
  it.each([DEFAULT_DATADOG_PROVIDER, "~> 4.19", "4.19.0", "= 4.5.0", ">= 4.10, < 4.20", "~> 4.5.0", " >=4.5.0 ,<5 "])(
    "is accepted, as written, when every version it allows is 4.5.0 or later: %j",
    (constraint) => {
      expect(datadogProviderConstraint(constraint)).toEqual({ ok: true, value: constraint.trim() });
    },
  );

  it.each([
    { constraint: "3.82.0", lowest: "3.82.0", breaks: "sli_specification.count" },
    { constraint: "~> 3.0", lowest: "3.0.0", breaks: "sli_specification.count" },
    { constraint: "< 5.0.0", lowest: "0.0.0", breaks: "sli_specification.count" },
    { constraint: ">= 3.89.0", lowest: "3.89.0", breaks: "bad_events_formula" },
    { constraint: "~> 4", lowest: "4.0.0", breaks: "bad_events_formula" },
    { constraint: "~> 4.3", lowest: "4.3.0", breaks: "bad_events_formula" },
    { constraint: ">= 4.0.0, != 4.0.0", lowest: "4.0.1", breaks: "bad_events_formula" },
    { constraint: "~> 4.4.0", lowest: "4.4.0", breaks: "restricted_roles" },
    { constraint: "> 4.4", lowest: "4.4.1", breaks: "restricted_roles" },
    { constraint: "> 4.4.9", lowest: "4.4.10", breaks: "restricted_roles" },
  ])(
    "is refused, naming the oldest version it allows and what it breaks, when that is below 4.5.0: $constraint",
    ({ constraint, lowest, breaks }) => {
      expect(refusal(constraint)).toMatch(new RegExp(`allows ${lowest}, and .*${breaks}`));
    },
  );

  it.each(["latest", "4.x", ">= 4.5.0 < 5", "^4.5.0", ""])(
    "is refused when Terraform could not read it: %j",
    (text) => {
      expect(refusal(text)).toBeDefined();
    },
  );

  it("is refused when no version satisfies it", () => {
    expect(refusal(">= 4.19.0, < 4.5.0")).toMatch(/no version/);
  });
});

/**
 * A directory of stand-in provider packages, laid out as `terraform init -plugin-dir` reads them.
 * Terraform only copies them into the working directory and records their hashes: none is run.
 */
function pluginDir(root: string, versions: readonly string[]): string {
  const dir = join(root, `plugins-${versions.join("_")}`);
  for (const version of versions) {
    const platform = join(dir, "registry.terraform.io", "datadog", "datadog", version, "linux_amd64");
    mkdirSync(platform, { recursive: true });
    const binary = join(platform, `terraform-provider-datadog_v${version}`);
    writeFileSync(binary, "#!/bin/sh\necho 'a stand-in provider package: never run' >&2\nexit 1\n");
    chmodSync(binary, 0o755);
  }
  return dir;
}

/** The provider version `terraform init` selects in `dir` from the packages of `plugins`, or undefined when none fits. */
function selectedVersion(dir: string, plugins: string): string | undefined {
  const init = spawnSync(
    terraformBinary ?? "terraform",
    ["init", "-backend=false", `-plugin-dir=${plugins}`, "-input=false", "-no-color"],
    {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1", TF_PLUGIN_CACHE_DIR: "" },
    },
  );
  if (init.status !== 0) return undefined;
  return /version\s*=\s*"([^"]+)"/.exec(readFileSync(join(dir, ".terraform.lock.hcl"), "utf8"))?.[1];
}

const PACKAGES = ["3.82.0", "3.89.0", "4.4.0", "4.19.0"];

describe(`terraform init over stand-in provider packages${terraformSkipNote}`, () => {
  let root: string;
  beforeAll(async () => {
    root = await tempDir("slocc-provider-");
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it.skipIf(!terraformBinary)(
    "selects 4.19.0 from 3.82.0, 3.89.0, 4.4.0 and 4.19.0 for every stack synthesized from the examples",
    async () => {
      const compiled = await compileDirectory(EXAMPLES, process.cwd());
      const out = join(root, "examples");
      await synthesizeTo(compiled.value!.plan, out, DEFAULT_STACK_SETTINGS);
      const plugins = pluginDir(root, PACKAGES);
      const stacks = compiled.value!.plan.stacks.map((stack) => stack.name);
      expect(stacks.length).toBeGreaterThan(0);
      for (const stack of stacks) expect(selectedVersion(join(out, "stacks", stack), plugins)).toBe("4.19.0");
    },
  );

  /** A configuration requiring the provider at `constraint`, in a directory of its own. */
  const requiring = (constraint: string): string => {
    const dir = join(root, `requires-${Buffer.from(constraint).toString("hex")}`);
    mkdirSync(dir, { recursive: true });
    const config = {
      terraform: { required_providers: { datadog: { source: "DataDog/datadog", version: constraint } } },
    };
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify(config));
    return dir;
  };

  it.skipIf(!terraformBinary)(
    "agrees with slocc on the constraints it accepts: terraform selects 4.5.0 or later",
    () => {
      const plugins = pluginDir(root, [...PACKAGES, "4.3.0", "4.5.0"]);
      for (const constraint of [DEFAULT_DATADOG_PROVIDER, "~> 4.5.0", "~> 4.19", ">= 4.5.0, != 4.19.0, < 5.0.0"]) {
        expect(refusal(constraint)).toBeUndefined();
        const selected = selectedVersion(requiring(constraint), plugins);
        expect({ constraint, selected }).toEqual({ constraint, selected: expect.stringMatching(/^4\.(5|19)\.0$/) });
      }
    },
  );

  it.skipIf(!terraformBinary)(
    "agrees with slocc on the constraints it refuses: terraform accepts an older provider",
    () => {
      const plugins = pluginDir(root, ["3.82.0", "3.89.0", "4.0.0", "4.3.0", "4.4.0"]);
      for (const constraint of ["3.82.0", "~> 3.0", ">= 3.89.0, < 4.4.0", "~> 4.3", "> 4.0.0", "~> 4.4.0"]) {
        expect(refusal(constraint)).toBeDefined();
        expect({ constraint, selected: selectedVersion(requiring(constraint), plugins) }).toEqual({
          constraint,
          selected: expect.stringMatching(/^(3\.|4\.[0-4]\.)/),
        });
      }
    },
  );
});

describe("the provider setting of slocc synth", () => {
  const requiredVersion = (text: string): unknown =>
    (JSON.parse(text) as { terraform: { required_providers: { datadog: { version: string } } } }).terraform
      .required_providers.datadog.version;

  it("writes the constraint given by --datadog-provider, else SLOCC_DATADOG_PROVIDER, else the default", async () => {
    const dir = await tempDir();
    try {
      const stackFile = (out: string) => join(dir, out, "stacks", "card-platform", "cdk.tf.json");
      expect((await runCli(["synth", "--dir", EXAMPLES, "--out", join(dir, "a")])).code).toBe(0);
      expect(requiredVersion(readFileSync(stackFile("a"), "utf8"))).toBe(DEFAULT_DATADOG_PROVIDER);
      const pinned = ["synth", "--dir", EXAMPLES, "--out", join(dir, "b"), "--datadog-provider", "~> 4.19"];
      expect((await runCli(pinned)).code).toBe(0);
      expect(requiredVersion(readFileSync(stackFile("b"), "utf8"))).toBe("~> 4.19");
      const fromEnv = await runCli(["synth", "--dir", EXAMPLES, "--out", join(dir, "c")], process.cwd(), {
        SLOCC_DATADOG_PROVIDER: "4.10.0",
      });
      expect(fromEnv.code).toBe(0);
      expect(requiredVersion(readFileSync(stackFile("c"), "utf8"))).toBe("4.10.0");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    { how: "an option", args: ["--datadog-provider", "3.82.0"], env: {} },
    { how: "the environment", args: [], env: { SLOCC_DATADOG_PROVIDER: "~> 3.82" } },
  ])("refuses a provider below 4.5.0 given in $how: exit 2, one line, nothing written", async ({ args, env }) => {
    const dir = await tempDir();
    try {
      const run = await runCli(["synth", "--dir", EXAMPLES, "--out", join(dir, "out"), ...args], process.cwd(), env);
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/4\.5\.0/);
      expect(existsSync(join(dir, "out"))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
