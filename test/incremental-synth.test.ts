import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { compileInputs } from "../src/app/compile.js";
import type { AppContext } from "../src/app/context.js";
import { readParseCache, writeParseCache } from "../src/app/parse-cache-file.js";
import { prepareWriting, writeStacks } from "../src/app/synth.js";
import { DEFAULT_STACK_SETTINGS } from "../src/settings/stack-settings.js";
import { synthesizeTo } from "../src/emit/synth.js";
import { moveStackDirs, moveWorkingFiles, undoMoves } from "../src/emit/working-files.js";
import { ParseCache } from "../src/load/parse-cache.js";
import type { CompiledPlan } from "../src/plan/resources.js";
import { compileTexts, readTree, RATIO_SLO, serviceYaml, tempDir, withoutRecord } from "./support/compile.js";

const EXAMPLES = join(__dirname, "..", "slos");

async function exampleTexts(): Promise<Record<string, string>> {
  const names = ["aws-slas.yaml", "card-platform.yaml", "e-scooter.yaml"];
  const texts = await Promise.all(names.map((name) => readFile(join(EXAMPLES, name), "utf8")));
  return Object.fromEntries(names.map((name, index) => [`slos/${name}`, texts[index] ?? ""]));
}

function planOf(files: Record<string, string>): CompiledPlan {
  const result = compileTexts(files, { today: "2026-01-15" });
  if (!result.value) throw new Error(JSON.stringify(result.diagnostics));
  return result.value.plan;
}

/** Synthesizes into a fresh directory and returns every file written. */
async function cleanSynth(plan: CompiledPlan): Promise<Map<string, string>> {
  const out = join(await tempDir(), "cdktf.out");
  await synthesizeTo(plan, out);
  return readTree(out);
}

describe("synthesizing again into the same output", () => {
  it("synthesizes only the stack that changed, and writes the same bytes as a synth from scratch", async () => {
    const files = await exampleTexts();
    const out = join(await tempDir(), "cdktf.out");
    const first = await synthesizeTo(planOf(files), out);
    expect(first).toMatchObject({ synthesized: ["stacks/card-platform", "stacks/e-scooter"], reused: [] });
    const changed = {
      ...files,
      "slos/e-scooter.yaml": files["slos/e-scooter.yaml"]!.replace("target: 99 }", "target: 98 }"),
    };
    const second = await synthesizeTo(planOf(changed), out);
    expect(second).toMatchObject({ synthesized: ["stacks/e-scooter"], reused: ["stacks/card-platform"] });
    expect(await readTree(out)).toEqual(await cleanSynth(planOf(changed)));
  });

  it.each([
    {
      setting: "backend",
      settings: { ...DEFAULT_STACK_SETTINGS, backend: { type: "s3", config: { bucket: "state" } } },
      written: '"s3"',
    },
    {
      setting: "provider constraint",
      settings: { ...DEFAULT_STACK_SETTINGS, datadogProvider: "~> 4.19" },
      written: '"~> 4.19"',
    },
  ])("synthesizes every stack again when the $setting changes", async ({ settings, written }) => {
    const plan = planOf(await exampleTexts());
    const out = join(await tempDir(), "cdktf.out");
    await synthesizeTo(plan, out);
    const report = await synthesizeTo(plan, out, settings);
    expect(report.reused).toEqual([]);
    expect(await readFile(join(out, "stacks", "e-scooter", "cdk.tf.json"), "utf8")).toContain(written);
  });

  it("synthesizes a stack again when its JSON is missing from the output", async () => {
    const plan = planOf(await exampleTexts());
    const out = join(await tempDir(), "cdktf.out");
    await synthesizeTo(plan, out);
    const { rm } = await import("node:fs/promises");
    await rm(join(out, "stacks", "card-platform", "cdk.tf.json"));
    expect((await synthesizeTo(plan, out)).synthesized).toEqual(["stacks/card-platform"]);
    expect(await readTree(out)).toEqual(await cleanSynth(plan));
  });

  it("writes a removed stack under removed/, outside the manifest, and drops it once no longer asked for", async () => {
    const plan = planOf(await exampleTexts());
    const [kept, removed] = plan.stacks;
    const out = join(await tempDir(), "cdktf.out");
    await synthesizeTo({ stacks: [kept!] }, out, undefined, { removed: [removed!] });
    const tree = withoutRecord(await readTree(out));
    expect([...tree.keys()]).toEqual([
      "manifest.json",
      `removed/${removed!.name}/cdk.tf.json`,
      `stacks/${kept!.name}/cdk.tf.json`,
    ]);
    expect(tree.get(`removed/${removed!.name}/cdk.tf.json`)).toBe(
      (await cleanSynth({ stacks: [removed!] })).get(`stacks/${removed!.name}/cdk.tf.json`),
    );
    await synthesizeTo({ stacks: [kept!] }, out);
    expect([...withoutRecord(await readTree(out)).keys()]).toEqual([
      "manifest.json",
      `stacks/${kept!.name}/cdk.tf.json`,
    ]);
  });
});

describe("synthesis on worker threads", () => {
  // Worker threads run the compiled module: the build that `npm test` makes first.
  const built = createRequire(__filename)(join(__dirname, "..", "dist", "emit", "synth.js")) as {
    synthesizeTo: typeof synthesizeTo;
  };

  it("writes the same bytes as one thread", async () => {
    const plan = planOf(await exampleTexts());
    const threads = join(await tempDir(), "cdktf.out");
    const report = await built.synthesizeTo(plan, threads, undefined, { threads: 2 });
    expect(report).toMatchObject({ synthesized: ["stacks/card-platform", "stacks/e-scooter"], threads: 2 });
    const single = join(await tempDir(), "cdktf.out");
    await built.synthesizeTo(plan, single, undefined, { threads: 1 });
    expect(await readTree(threads)).toEqual(await readTree(single));
    // The built code's record holds other digests than the sources' (its code differs): the stacks are the same.
    expect(withoutRecord(await readTree(single))).toEqual(withoutRecord(await cleanSynth(plan)));
  });
});

describe("threads started while the specs compile", () => {
  const quiet = (cwd: string): AppContext => ({
    cwd,
    env: {},
    stdin: Readable.from([]),
    stdout: () => undefined,
    stderr: () => undefined,
    color: { stdout: false, stderr: false },
  });

  it.each([
    { files: 20, again: false, started: true },
    { files: 19, again: false, started: false },
    { files: 20, again: true, started: false },
  ])(
    "are started for $files spec files only on a first synthesis into the output (again: $again, started: $started)",
    async ({ files, again, started }) => {
      const dir = await tempDir();
      await mkdir(join(dir, "slos"));
      for (let index = 0; index < files; index++) {
        const yaml = serviceYaml(RATIO_SLO).replace("service: web", `service: s${index}`);
        await writeFile(join(dir, "slos", `s${index}.yaml`), yaml);
      }
      if (again)
        await writeStacks((await prepareWriting({ dir: "slos" }, "out", false, quiet(dir)))!, "out", quiet(dir));
      const ready = await prepareWriting({ dir: "slos" }, "out", false, quiet(dir));
      expect(ready?.plan.stacks).toHaveLength(files);
      expect(ready?.pool !== undefined).toBe(started);
      await ready?.pool?.close();
    },
  );
});

describe("parses kept for the next compilation", () => {
  it("give the same model, plan and diagnostics as parsing again, for the files whose text did not change", async () => {
    const files = {
      ...(await exampleTexts()),
      "slos/web.yaml": serviceYaml(RATIO_SLO, 'notify: { page: ["@pagerduty-web"] }\ntags: [Env:Prod]\n'),
    };
    const inputs = (texts: Record<string, string>) =>
      Object.entries(texts).map(([path, text]) => ({ path, bytes: Buffer.from(text) }));
    const out = await tempDir();
    const first = new ParseCache();
    compileInputs(inputs(files), { today: "2026-01-15", parseCache: first });
    await writeParseCache(out, first);
    const kept = await readParseCache(out);
    const changed = { ...files, "slos/web.yaml": files["slos/web.yaml"].replace("99.9", "99.5") };
    const cached = compileInputs(inputs(changed), { today: "2026-01-15", parseCache: kept });
    const fresh = compileInputs(inputs(changed), { today: "2026-01-15" });
    expect(cached.diagnostics.map((d) => d.code)).toContain("TAG_NORMALISED");
    // Parsed files locate through closures of their own: they are compared by what they hold.
    const held = ({ files: parsed, ...rest }: typeof fresh) => ({
      ...rest,
      files: parsed.map(({ path, text, data, positions }) => ({ path, text, data, positions })),
    });
    expect(held(cached)).toEqual(held(fresh));
    expect(Object.keys(kept.entries()).sort()).toEqual(Object.keys(changed).sort());
  });

  it.each([
    ["are used when this build kept them", (fingerprint: string) => fingerprint, "kept-web"],
    ["are ignored when another build kept them", () => "another build", "web"],
  ])("%s", async (_name, fingerprintOf, service) => {
    const out = await tempDir();
    const text = serviceYaml(RATIO_SLO);
    const cache = new ParseCache();
    compileInputs([{ path: "slos/web.yaml", bytes: Buffer.from(text) }], { parseCache: cache });
    await writeParseCache(out, cache);
    // The kept parse is altered, so whether it was used shows in the compiled service's name.
    const file = join(out, ".slocc", "specs.json");
    const record = JSON.parse(await readFile(file, "utf8")) as {
      fingerprint: string;
      files: Record<string, { data: { service: string } }>;
    };
    record.files["slos/web.yaml"]!.data.service = "kept-web";
    await writeFile(file, JSON.stringify({ ...record, fingerprint: fingerprintOf(record.fingerprint) }));
    const compiled = compileInputs([{ path: "slos/web.yaml", bytes: Buffer.from(text) }], {
      parseCache: await readParseCache(out),
    });
    expect(compiled.value?.model.services.map((s) => s.name)).toEqual([service]);
  });
});

describe("carrying stack directories over to a new output", () => {
  /** A root holding `stacks/<name>/cdk.tf.json` for each name. */
  async function rootWith(names: readonly string[]): Promise<string> {
    const root = await tempDir();
    for (const name of names) {
      await mkdir(join(root, "stacks", name), { recursive: true });
      await writeFile(join(root, "stacks", name, "cdk.tf.json"), name);
    }
    return root;
  }

  it("moves every directory, or none when one of them cannot move", async () => {
    const from = await rootWith(["api", "web"]);
    const to = await rootWith([]);
    await mkdir(join(to, "stacks", "web", "taken"), { recursive: true });
    await expect(moveStackDirs(from, to, ["stacks/api", "stacks/web"])).rejects.toThrow();
    expect([...(await readTree(from)).keys()]).toEqual(["stacks/api/cdk.tf.json", "stacks/web/cdk.tf.json"]);
    expect(existsSync(join(to, "stacks", "api"))).toBe(false);
  });

  it("moves the working files a stack has and passes over those it lacks", async () => {
    const from = await rootWith(["api", "web"]);
    await writeFile(join(from, "stacks", "web", ".terraform.lock.hcl"), "lock");
    const to = await rootWith(["api", "web"]);
    const moves = await moveWorkingFiles(from, to, ["stacks/api", "stacks/web"]);
    expect(moves).toEqual([
      {
        from: join(from, "stacks", "web", ".terraform.lock.hcl"),
        to: join(to, "stacks", "web", ".terraform.lock.hcl"),
      },
    ]);
    await undoMoves(moves);
    expect(await readFile(join(from, "stacks", "web", ".terraform.lock.hcl"), "utf8")).toBe("lock");
  });
});
