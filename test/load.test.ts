import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileDirectory } from "../src/app/compile.js";
import { parseSpecText } from "../src/load/parse-yaml.js";
import { displayPath } from "../src/load/read-directory.js";
import { renderDiagnosticsText } from "../src/render/diagnostics.js";
import { codesAt, compileOne, compileTexts, RATIO_SLO, serviceYaml, tempDir } from "./support/compile.js";

const valid = serviceYaml(RATIO_SLO);

/** Each case: file content and the diagnostics (code line:column) it must produce. */
const textCases: { name: string; text: string; expected: string[] }[] = [
  { name: "an empty file is refused", text: "", expected: ["EMPTY_FILE 1:1"] },
  { name: "a file of only comments is refused", text: "# nothing here\n# at all\n", expected: ["EMPTY_FILE 1:1"] },
  {
    name: "a tab used as indentation is a syntax error at the tab",
    text: "apiVersion: slocc/v1\nslos:\n\t- name: a\n",
    expected: ["YAML_SYNTAX 3:1"],
  },
  {
    name: "a file indented with tabs on several lines is one syntax problem, at the first tab",
    text: "apiVersion: slocc/v1\nslos:\n\t- name: a\n\t  sli: {}\n\t  objectives: []\n",
    expected: ["YAML_SYNTAX 3:1"],
  },
  {
    name: "a mapping key indented too far is a syntax error at the key, not at its indentation",
    text: "apiVersion: slocc/v1\nservice: web\nslos:\n  - name: a\n   tags: [x]\n",
    expected: ["YAML_SYNTAX 5:4"],
  },
  {
    name: "an unclosed flow mapping is a syntax error",
    text: "apiVersion: slocc/v1\nslos: [{ name: a\n",
    expected: ["YAML_SYNTAX 3:1"],
  },
  {
    name: "a duplicate key is refused at the second occurrence, and the rest of the file is still checked",
    text: "apiVersion: slocc/v1\nservice: a\nservice: b\n",
    expected: ["MISSING_KEY 1:1", "MISSING_KEY 1:1", "DUPLICATE_KEY 3:1"],
  },
  {
    name: "two documents in one file are refused at the second",
    text: `${valid}---\n${valid}`,
    expected: ["MULTIPLE_DOCUMENTS 11:1"],
  },
  { name: "a list at the top level is the wrong type", text: "- a\n- b\n", expected: ["WRONG_TYPE 1:1"] },
  { name: "a scalar at the top level is the wrong type", text: "just text\n", expected: ["WRONG_TYPE 1:1"] },
  {
    name: "an alias bomb is refused without expanding it",
    text: `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from(
      { length: 8 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(",")}]`,
    ).join("\n")}\n`,
    expected: ["ALIAS_LIMIT 1:1"],
  },
];

describe("loading spec files", () => {
  it.each(textCases)("$name", ({ text, expected }) => {
    // CPU time, not wall time: what the parse costs, whatever else a busy machine is running.
    const started = process.cpuUsage();
    const result = compileOne(text);
    expect(codesAt(result)).toEqual(expected);
    expect(result.value?.plan).toBeUndefined();
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1e6).toBeLessThan(2);
  });

  it("names the line of a duplicate key's first occurrence, and keeps the last value", () => {
    const result = parseSpecText("a.yaml", "apiVersion: slocc/v1\nservice: a\nowner: o\nservice: b\n");
    const [duplicate] = result.diagnostics;
    expect(duplicate?.code).toBe("DUPLICATE_KEY");
    expect([duplicate?.line, duplicate?.column]).toEqual([4, 1]);
    expect(duplicate?.message).toContain("line 2");
    expect((result.value?.data as { service: string }).service).toBe("b");
    expect(result.value?.locate(["service"])).toEqual({ file: "a.yaml", line: 4, column: 10 });
  });

  it("shows a YAML syntax error with its source line and a caret under the column", () => {
    const result = compileOne("apiVersion: slocc/v1\nservice: web\nslos:\n  - name: a\n   tags: [x]\n");
    const rendered = renderDiagnosticsText(result.diagnostics, { color: false, sources: result.sources });
    expect(rendered.split("\n").slice(1, 3)).toEqual(["     tags: [x]", "     ^"]);
  });

  it.each([
    ["in a block mapping, where it reads as text", "      - window: 30d\n        target: 99,9\n", "WRONG_TYPE 11:17"],
    [
      "in a flow mapping, where it splits the number in two",
      "      - { window: 30d, target: 99,9 }\n",
      "UNKNOWN_KEY 10:35",
    ],
  ])("hints at the decimal point when a number is written with a decimal comma %s", (_where, objective, expected) => {
    const result = compileOne(serviceYaml(RATIO_SLO.replace("      - { window: 30d, target: 99.9 }\n", objective)));
    expect(codesAt(result)).toEqual([expected]);
    expect(result.diagnostics[0]?.message).toMatch(/decimal point/);
  });

  it.each([
    ["an infinite float", ".inf", "Infinity"],
    ["a negative infinite float", "-.inf", "-Infinity"],
    ["not-a-number", ".nan", "NaN"],
    ["a float with a zero fraction", "1.0", "1"],
    ["a float in exponent form", "1e3", "1000"],
    ["a hexadecimal integer", "0x1F", "31"],
    ["an integer", "42", "42"],
    ["a boolean", "true", "true"],
    ["a null", "~", ""],
  ])("locates a key written as %s by the name the parsed data gives it", (_kind, written, named) => {
    const source = parseSpecText("a.yaml", `outer:\n  first: 0\n  ${written}: 1\n`).value;
    expect(Object.keys((source?.data as { outer: object }).outer)).toContain(named);
    expect(source?.locate(["outer", named], "key")).toEqual({ file: "a.yaml", line: 3, column: 3 });
    expect(source?.locate(["outer", named])).toEqual({ file: "a.yaml", line: 3, column: 5 + written.length });
  });

  it("refuses a file that is not UTF-8", () => {
    const result = compileTexts({});
    expect(result.diagnostics).toEqual([]);
    const bytes = { path: "slos/bin.yaml", bytes: new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) };
    const binary = { path: "slos/nul.yaml", bytes: new Uint8Array([0x61, 0x00, 0x62]) };
    return import("../src/app/compile.js").then(({ compileInputs }) => {
      expect(codesAt(compileInputs([bytes, binary]))).toEqual(["INVALID_ENCODING 1:1", "INVALID_ENCODING 1:1"]);
    });
  });

  it("holds text in NFC form, as Terraform will read it", () => {
    const result = compileOne(
      valid.replace("  - name: availability\n", '  - name: availability\n    description: "cafe\u0301"\n'),
    );
    const slo = result.value?.plan.stacks[0]?.resources.find(
      (r) => r.resourceType === "datadog_service_level_objective",
    );
    expect(slo?.config).toMatchObject({ description: "caf\u00e9" });
  });

  it("accepts a byte-order mark and Windows line endings", () => {
    const result = compileOne(`\uFEFF${valid.replace(/\n/g, "\r\n")}`);
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.plan.stacks).toHaveLength(1);
  });
});

describe("reading the spec directory", () => {
  it("refuses a missing directory", async () => {
    const dir = join(await tempDir(), "absent");
    expect(codesAt(await compileDirectory(dir, process.cwd()))).toEqual(["NO_SPECS 1:1"]);
  });

  it("refuses a directory with no spec file", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "README.md"), "not a spec");
    expect(codesAt(await compileDirectory(dir, process.cwd()))).toEqual(["NO_SPECS 1:1"]);
  });

  it("reads .yaml and .yml files and ignores others", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "a.yaml"), valid);
    await writeFile(join(dir, "b.yml"), valid.replace("service: web", "service: api"));
    await writeFile(join(dir, "notes.txt"), "ignored");
    const result = await compileDirectory(dir, process.cwd());
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.plan.stacks.map((s) => s.name)).toEqual(["api", "web"]);
  });

  it("refuses a spec path that is a directory, a broken link or too large, and reports all of them", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "good.yaml"), valid);
    await mkdir(join(dir, "folder.yaml"));
    await symlink(join(dir, "missing-target"), join(dir, "link.yaml"));
    await writeFile(join(dir, "huge.yaml"), `# ${"x".repeat(10 * 1024 * 1024)}\n`);
    const result = await compileDirectory(dir, process.cwd());
    const shown = (name: string) => displayPath(join(dir, name), process.cwd());
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual([
      `UNREADABLE_FILE ${shown("folder.yaml")}`,
      `FILE_TOO_LARGE ${shown("huge.yaml")}`,
      `UNREADABLE_FILE ${shown("link.yaml")}`,
    ]);
    expect(result.value?.plan).toBeUndefined();
  });
});
