import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseTag } from "../src/datadog/tags.js";
import { codesAt, compileOne, positionOf, RATIO_SLO, serviceYaml } from "./support/compile.js";
import { isStoredTag, storedFormByTheRules } from "./support/tag-rules.js";

describe("tag normalisation, as the provider's NormalizeTag", () => {
  // The examples of the provider's tags_test.go and of docs/datadog-rules.md.
  const examples: [written: string, stored: string][] = [
    ["FOO", "foo"],
    ["1foo", "foo"],
    ["foo_", "foo"],
    ["_foo", "foo"],
    ["foo__bar", "foo_bar"],
    ["a _b", "a_b"],
    ["f!@#$%^&*(),./-=_+", "f_./-"],
    ["Env:Prod", "env:prod"],
    ["team:My Team", "team:my_team"],
    ["team: platform ", "team:_platform"],
    ["1:2", ":2"],
    ["Ünïcode:Tag", "ünïcode:tag"],
    ["Tōkyō", "tōkyō"],
    ["İstanbul", "istanbul"],
    ["ΟΔΟΣ", "οδοσ"],
    ["zone:٣", "zone:٣"],
    ["repo_url:https://github.com/repo/path", "repo_url:https://github.com/repo/path"],
    ["service:checkout-api", "service:checkout-api"],
    ["env:", "env:"],
    ["a_:b", "a_:b"],
    ["", ""],
    ["!!!", ""],
    [`a${"b".repeat(250)}`, `a${"b".repeat(199)}`],
    [`${"a".repeat(199)}éé`, `${"a".repeat(199)}é`],
  ];

  it.each(examples)("stores %j as %j", (written, stored) => {
    expect(normaliseTag(written)).toBe(stored);
  });

  /** Text mixing what the rules treat differently: ASCII, Unicode letters and digits, runs of `_` and spaces, symbols. */
  const tagLike = fc.oneof(
    fc.string({
      unit: fc.constantFrom(
        "a",
        "Z",
        "0",
        ":",
        ".",
        "/",
        "-",
        "_",
        " ",
        "é",
        "Ō",
        "ß",
        "İ",
        "Σ",
        "٣",
        "✓",
        "😀",
        "!",
        "\t",
      ),
      maxLength: 40,
    }),
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.string({ unit: fc.constantFrom("a", "é", "_", "語"), minLength: 150, maxLength: 260 }),
  );

  it("agrees with an implementation written from the rules, for any text", () => {
    fc.assert(
      fc.property(tagLike, (written) => {
        expect(normaliseTag(written)).toBe(storedFormByTheRules(written));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives a tag it leaves unchanged, in the stored form", () => {
    fc.assert(
      fc.property(tagLike, (written) => {
        const stored = normaliseTag(written);
        expect(normaliseTag(stored)).toBe(stored);
        if (stored.length > 0) expect(isStoredTag(stored)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("tags in specs", () => {
  it("warns with the form Datadog stores, and emits that form on the SLO and its alerts", () => {
    const yaml = serviceYaml(
      RATIO_SLO.replace("  - name: availability\n", '  - name: availability\n    tags: ["a__b:Île  X"]\n'),
    );
    const result = compileOne(yaml);
    expect(codesAt(result)).toEqual([`TAG_NORMALISED ${positionOf(yaml, 'tags: [^"a__b')}`]);
    expect(result.diagnostics[0]?.message).toContain('"a_b:île_x"');
    const resources = result.value?.plan.stacks[0]?.resources ?? [];
    expect(resources.length).toBeGreaterThan(1);
    for (const resource of resources) {
      if (resource.resourceType === "datadog_dashboard" || resource.resourceType === "datadog_slo_correction") continue;
      expect(resource.config.tags).toContain("a_b:île_x");
    }
  });

  const reserved: { key: string; tag: string }[] = [
    { key: "service", tag: "service:payments" },
    { key: "team", tag: "Team:Payments" },
    { key: "slo", tag: "slo:other" },
    { key: "managed-by", tag: "managed-by:terraform" },
    { key: "journey", tag: "journey:pay" },
    { key: "journey-kind", tag: "journey-kind:cuj" },
    { key: "severity", tag: "severity:high" },
    { key: "a key alone", tag: "service" },
  ];

  it.each(reserved)("refuses $key on the service and on an SLO, at the tag", ({ tag }) => {
    const yaml = serviceYaml(
      RATIO_SLO.replace("  - name: availability\n", `  - name: availability\n    tags: ["${tag}", "ok:1"]\n`),
      `notify: { page: ["@pagerduty-web"], ticket: ["@slack-web"] }\ntags: [env:prod, "${tag}"]\n`,
    );
    const errors = compileOne(yaml).diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([
      `RESERVED_TAG ${positionOf(yaml, `tags: [env:prod, ^"${tag}"]`)}`,
      `RESERVED_TAG ${positionOf(yaml, `    tags: [^"${tag}", "ok:1"]`)}`,
    ]);
  });

  /** Whether an SLO with this many tags of its own is refused for carrying too many. */
  const refusedWith = (own: number, spec: (tags: string) => string): boolean =>
    compileOne(spec(`[${Array.from({ length: own }, (_, i) => `t${i}`).join(", ")}]`)).diagnostics.some(
      (d) => d.code === "TOO_MANY_TAGS",
    );

  it("counts the 7 tags slocc sets on an alert of an SLO with a journey: 25 of its own fit in 32, 26 do not", () => {
    const spec = (tags: string) =>
      serviceYaml(
        RATIO_SLO.replace("  - name: availability\n", `  - name: availability\n    journey: pay\n    tags: ${tags}\n`),
        'notify: { page: ["@pagerduty-web"], ticket: ["@slack-web"] }\njourneys: { pay: { kind: user } }\n',
      );
    expect([refusedWith(25, spec), refusedWith(26, spec)]).toEqual([false, true]);
  });

  it("counts the 4 tags slocc sets on an SLO without a journey or alerts: 28 of its own fit in 32, 29 do not", () => {
    const spec = (tags: string) =>
      serviceYaml(
        RATIO_SLO.replace(
          "  - name: availability\n",
          `  - name: availability\n    alerts: { burnRate: none }\n    tags: ${tags}\n`,
        ),
      );
    expect([refusedWith(28, spec), refusedWith(29, spec)]).toEqual([false, true]);
  });
});
