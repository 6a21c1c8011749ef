import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NOTIFY_HEADER, RATIO_SLO, readTree, serviceYaml, tempDir } from "./support/compile.js";
import { runCli } from "./support/cli.js";

const ROOT = join(__dirname, "..");

async function projectWith(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, "slos"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, "slos", name), text);
  return dir;
}

const broken = serviceYaml(RATIO_SLO).replace("target: 99.9", "target: 100");

describe("slocc validate", () => {
  it("exits 0 and summarises valid specs", async () => {
    const run = await runCli(["validate"], await projectWith({ "web.yaml": serviceYaml(RATIO_SLO) }));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("1 service, 1 SLO, valid");
  });

  it("exits 1 and prints file:line:column, the code, the source line and a caret", async () => {
    const run = await runCli(["validate"], await projectWith({ "web.yaml": broken }));
    expect(run.code).toBe(1);
    const [head, source, caret] = run.stderr.split("\n");
    expect(head).toMatch(/^slos\/web\.yaml:10:32: error TARGET_RANGE: /);
    expect(source).toBe("        - { window: 30d, target: 100 }");
    expect(caret?.indexOf("^")).toBe(source!.indexOf("100"));
  });

  it("prints the documented JSON document on stdout", async () => {
    const run = await runCli(["validate", "--format", "json"], await projectWith({ "web.yaml": broken }));
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      diagnostics: [
        {
          code: "TARGET_RANGE",
          severity: "error",
          message: expect.any(String),
          file: "slos/web.yaml",
          line: 10,
          column: 32,
        },
      ],
    });
  });

  it("passes warnings, and fails them with --strict", async () => {
    const dir = await projectWith({ "web.yaml": serviceYaml(RATIO_SLO, `${NOTIFY_HEADER}tags: [Env:Prod]\n`) });
    expect((await runCli(["validate"], dir)).code).toBe(0);
    const strict = await runCli(["validate", "--strict"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("warning TAG_NORMALISED");
  });

  it("takes another directory with --dir", async () => {
    const dir = await projectWith({ "web.yaml": serviceYaml(RATIO_SLO) });
    expect((await runCli(["validate", "--dir", join(dir, "slos")])).code).toBe(0);
  });
});

describe("usage", () => {
  it.each([
    ["an unknown command", ["frobnicate"]],
    ["an unknown option", ["validate", "--frobnicate"]],
    ["a format outside the choices", ["validate", "--format", "xml"]],
  ])("exits 2 on %s", async (_name, args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error/);
  });

  it.each([["slocc"], ["validate"], ["synth"]])("shows help with an example for %s", async (command) => {
    const run = await runCli(command === "slocc" ? ["--help"] : [command, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Example");
  });
});

describe("slocc synth", () => {
  it("writes the stacks as cdktf does and lists them", async () => {
    const dir = await projectWith({ "web.yaml": serviceYaml(RATIO_SLO) });
    const run = await runCli(["synth"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("web: 5 resources");
    expect([...(await readTree(join(dir, "cdktf.out"))).keys()]).toEqual([
      ".slocc/specs.json",
      ".slocc/stacks.json",
      "manifest.json",
      "stacks/web/cdk.tf.json",
    ]);
  });

  it("writes nothing when a spec has an error", async () => {
    const dir = await projectWith({
      "web.yaml": serviceYaml(RATIO_SLO),
      "api.yaml": broken.replace("service: web", "service: api"),
    });
    const run = await runCli(["synth"], dir);
    expect(run.code).toBe(1);
    expect(existsSync(join(dir, "cdktf.out"))).toBe(false);
  });

  it("leaves a previous output untouched when a spec has an error", async () => {
    const dir = await projectWith({ "web.yaml": serviceYaml(RATIO_SLO) });
    await runCli(["synth"], dir);
    const before = await readTree(join(dir, "cdktf.out"));
    await writeFile(join(dir, "slos", "web.yaml"), broken);
    expect((await runCli(["synth"], dir)).code).toBe(1);
    expect(await readTree(join(dir, "cdktf.out"))).toEqual(before);
  });

  it("replaces a previous output whole, dropping stacks that no longer exist", async () => {
    const dir = await projectWith({
      "web.yaml": serviceYaml(RATIO_SLO),
      "api.yaml": serviceYaml(RATIO_SLO).replace("service: web", "service: api"),
    });
    await runCli(["synth"], dir);
    await rm(join(dir, "slos", "api.yaml"));
    expect((await runCli(["synth"], dir)).code).toBe(0);
    expect([...(await readTree(join(dir, "cdktf.out"))).keys()]).toEqual([
      ".slocc/specs.json",
      ".slocc/stacks.json",
      "manifest.json",
      "stacks/web/cdk.tf.json",
    ]);
    expect((await readdir(dir)).sort()).toEqual(["cdktf.out", "slos"]);
  });
});

describe("the installed binary", () => {
  it("runs, and reports bad input without a stack trace", async () => {
    const dir = await projectWith({ "web.yaml": "\u0000\u0001binary" });
    const run = spawnSync(process.execPath, [join(ROOT, "bin", "slocc.js"), "validate"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("INVALID_ENCODING");
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});

describe("the state backend", () => {
  async function backendOf(args: readonly string[], env: Record<string, string> = {}) {
    const dir = await projectWith({ "web.yaml": serviceYaml(RATIO_SLO) });
    const run = await runCli(["synth", ...args], dir, { ...process.env, ...env });
    if (run.code !== 0) return run.code;
    const stack = JSON.parse((await readTree(join(dir, "cdktf.out"))).get("stacks/web/cdk.tf.json")!) as {
      terraform: { backend: unknown };
    };
    return stack.terraform.backend;
  }

  it.each([
    [
      "keeps local state beside the output directory by default",
      [],
      {},
      { local: { path: "../../../terraform.web.tfstate" } },
    ],
    [
      "writes a remote backend with {stack} replaced by the stack's name",
      ["--backend", "s3", "--backend-config", "bucket=acme-state", "--backend-config", "key=slocc/{stack}.tfstate"],
      {},
      { s3: { bucket: "acme-state", key: "slocc/web.tfstate" } },
    ],
    [
      "reads the backend from the environment",
      [],
      { SLOCC_BACKEND: "gcs", SLOCC_BACKEND_CONFIG: "bucket=b, prefix=slocc/{stack}" },
      { gcs: { bucket: "b", prefix: "slocc/web" } },
    ],
    [
      "escapes backend settings for Terraform",
      ["--backend", "http", "--backend-config", "address=https://state/${x}"],
      {},
      { http: { address: "https://state/$${x}" } },
    ],
    ["refuses a backend type Terraform could not have", ["--backend", "S3!"], {}, 2],
    ["refuses a setting that is not key=value", ["--backend", "s3", "--backend-config", "bucket"], {}, 2],
  ] as const)("%s", async (_name, args, env, expected) => {
    expect(await backendOf(args, env)).toEqual(expected);
  });
});
