import { describe, expect, it } from "vitest";
import type { Compilation } from "../src/app/compile.js";
import { CORRECTION_RESOURCE, type CorrectionResource } from "../src/plan/resources.js";
import { explainModel } from "../src/views/explain.js";
import { changeDiff } from "../src/diff/change-diff.js";
import { epochSeconds, isTimeZone, parseDateTime } from "../src/util/zoned-time.js";
import { codesAt, compileOne, positionOf, serviceYaml } from "./support/compile.js";
import { resourcesOf, stacksOf, synthesizeInMemory } from "./support/synth.js";

/** Epoch seconds of a UTC date and time, computed here rather than by the code under test. */
const utc = (year: number, month: number, day: number, hour: number, minute = 0) =>
  Date.UTC(year, month - 1, day, hour, minute) / 1000;

const RATIO = `    sli:
      ratio: { good: "sum:requests{status:ok}.as_count()", total: "sum:requests{*}.as_count()" }
`;

/** A service with one SLO `a` (7d and 30d at 99.9%) holding `corrections`, indented under the SLO. */
function withCorrections(corrections: string, serviceCorrections = ""): string {
  return serviceYaml(
    `  - name: a\n${RATIO}    objectives:\n      - { window: 30d, target: 99.9 }\n      - { window: 7d, target: 99.9 }\n` +
      `    corrections:\n${corrections}`,
    `notify: { page: ["@pagerduty-web"], ticket: ["@slack-web"] }\n${serviceCorrections}`,
  );
}

function correctionsOf(result: Compilation): CorrectionResource[] {
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return (result.value?.plan.stacks ?? []).flatMap((stack) =>
    stack.resources.filter((r): r is CorrectionResource => r.resourceType === CORRECTION_RESOURCE),
  );
}

describe("times of corrections", () => {
  const cases: { name: string; written: string; zone?: string; expected: number }[] = [
    { name: "an offset fixes the instant", written: "2027-03-14T01:00:00-05:00", expected: utc(2027, 3, 14, 6) },
    { name: "Z is UTC, and seconds may be left out", written: "2027-03-14T06:00Z", expected: utc(2027, 3, 14, 6) },
    {
      name: "an offset may be written without a colon, and whole seconds with zero fractions",
      written: "2027-03-14T01:00:00.000-0500",
      expected: utc(2027, 3, 14, 6),
    },
    {
      name: "an offset wins over a time zone",
      written: "2027-03-14T01:00:00-05:00",
      zone: "Asia/Tokyo",
      expected: utc(2027, 3, 14, 6),
    },
    {
      name: "a local time in New York before the March change is standard time",
      written: "2027-03-14T01:30:00",
      zone: "America/New_York",
      expected: utc(2027, 3, 14, 6, 30),
    },
    {
      name: "a local time skipped by the March change is read as the same time after it",
      written: "2027-03-14T02:30:00",
      zone: "America/New_York",
      expected: utc(2027, 3, 14, 7, 30),
    },
    {
      name: "a local time in New York after the March change is daylight saving time",
      written: "2027-03-14T03:30:00",
      zone: "America/New_York",
      expected: utc(2027, 3, 14, 7, 30),
    },
    {
      name: "a local time before the November change is daylight saving time",
      written: "2027-11-07T00:30:00",
      zone: "America/New_York",
      expected: utc(2027, 11, 7, 4, 30),
    },
    {
      name: "a local time the November change repeats is the first one",
      written: "2027-11-07T01:30:00",
      zone: "America/New_York",
      expected: utc(2027, 11, 7, 5, 30),
    },
    {
      name: "a local time after the November change is standard time",
      written: "2027-11-07T02:30:00",
      zone: "America/New_York",
      expected: utc(2027, 11, 7, 7, 30),
    },
    {
      name: "a local time in Tokyo is nine hours ahead of UTC",
      written: "2026-10-01T02:00:00",
      zone: "Asia/Tokyo",
      expected: utc(2026, 9, 30, 17),
    },
  ];

  it.each(cases)("$name", ({ written, zone, expected }) => {
    const time = parseDateTime(written);
    expect(time).toBeDefined();
    expect(epochSeconds(time!, zone)).toBe(expected);
  });

  it.each([
    "2027-02-30T01:00:00",
    "2027-03-14T24:00:00",
    "2027-03-14T01:00:00+15:00",
    "2027-03-14T01:00:00.5Z",
    "2027-03-14",
    "tomorrow",
  ])("refuses %s as a date and time", (written) => expect(parseDateTime(written)).toBeUndefined());

  it.each([
    ["America/New_York", true],
    ["US/Eastern", true],
    ["UTC", true],
    ["america/new_york", false],
    ["Eastern Time", false],
    ["utc", false],
  ])("knows %s as a time zone: %s", (name, known) => {
    expect(isTimeZone(name)).toBe(known);
  });

  it("compiles one-off and recurring corrections to epoch seconds, seconds of duration, and the zone as written", () => {
    const yaml = withCorrections(
      `      - category: deployment
        start: 2027-11-07T01:30:00
        end: 2027-11-07T03:00:00
        timezone: America/New_York
      - category: scheduled-maintenance
        start: 2027-03-14T02:30:00
        duration: 90m
        rrule: FREQ=WEEKLY;COUNT=52
        timezone: America/New_York
`,
    );
    const configs = correctionsOf(compileOne(yaml)).map((resource) => resource.config);
    expect(configs).toEqual(
      expect.arrayContaining([
        {
          category: "Deployment",
          start: utc(2027, 11, 7, 5, 30),
          end: utc(2027, 11, 7, 8),
          timezone: "America/New_York",
        },
        {
          category: "Scheduled Maintenance",
          start: utc(2027, 3, 14, 7, 30),
          rrule: "FREQ=WEEKLY;COUNT=52",
          duration: 5400,
          timezone: "America/New_York",
        },
      ]),
    );
    expect(configs).toHaveLength(2);
  });
});

describe("validation of corrections", () => {
  const once = "        start: 2027-03-14T01:00:00Z\n        end: 2027-03-14T02:00:00Z\n";
  const cases: { name: string; corrections: string; service?: string; expected: [string, string][] }[] = [
    {
      name: "an unknown category is refused at its value",
      corrections: `      - category: maintenance\n${once}`,
      expected: [["CORRECTION_CATEGORY", "category: ^maintenance"]],
    },
    {
      name: "an end before the start is refused at the end",
      corrections: "      - category: other\n        start: 2027-03-14T03:00:00Z\n        end: 2027-03-14T02:00:00Z\n",
      expected: [["CORRECTION_END", "end: ^2027-03-14T02"]],
    },
    {
      name: "an end equal to the start is refused",
      corrections: "      - category: other\n        start: 2027-03-14T03:00:00Z\n        end: 2027-03-14T03:00Z\n",
      expected: [["CORRECTION_END", "end: ^2027-03-14T03:00Z"]],
    },
    {
      name: "an end compared across offsets is after the start",
      corrections:
        "      - category: other\n        start: 2027-03-14T03:00:00+02:00\n        end: 2027-03-14T02:00:00Z\n",
      expected: [],
    },
    {
      name: "both an end and a recurrence are refused at the rule",
      corrections: `      - category: other\n${once}        rrule: FREQ=DAILY\n        duration: 1h\n`,
      expected: [["CORRECTION_SCHEDULE", "rrule: ^FREQ"]],
    },
    {
      name: "neither an end nor a recurrence is refused at the correction",
      corrections: "      - category: other\n        start: 2027-03-14T01:00:00Z\n",
      expected: [["CORRECTION_SCHEDULE", "      - ^category: other"]],
    },
    {
      name: "a recurrence without a duration is refused at the rule",
      corrections: "      - category: other\n        start: 2027-03-14T01:00:00Z\n        rrule: FREQ=DAILY\n",
      expected: [["CORRECTION_SCHEDULE", "rrule: ^FREQ"]],
    },
    {
      name: "a duration with an end is refused at the duration",
      corrections: `      - category: other\n${once}        duration: 1h\n`,
      expected: [["CORRECTION_SCHEDULE", "duration: ^1h"]],
    },
    {
      name: "an RRULE part Datadog does not support is refused",
      corrections:
        "      - category: other\n        start: 2027-03-14T01:00:00Z\n        rrule: FREQ=WEEKLY;BYDAY=SU\n        duration: 1h\n",
      expected: [["CORRECTION_RRULE", "rrule: ^FREQ"]],
    },
    {
      name: "an hourly recurrence is refused",
      corrections:
        "      - category: other\n        start: 2027-03-14T01:00:00Z\n        rrule: FREQ=HOURLY;COUNT=3\n        duration: 5m\n",
      expected: [["CORRECTION_RRULE", "rrule: ^FREQ"]],
    },
    {
      name: "a rule without a frequency is refused",
      corrections:
        "      - category: other\n        start: 2027-03-14T01:00:00Z\n        rrule: COUNT=3\n        duration: 5m\n",
      expected: [["CORRECTION_RRULE", "rrule: ^COUNT"]],
    },
    {
      name: "a rule with both COUNT and UNTIL is refused",
      corrections:
        "      - category: other\n        start: 2027-03-14T01:00:00Z\n        rrule: FREQ=DAILY;COUNT=3;UNTIL=20271231\n        duration: 5m\n",
      expected: [["CORRECTION_RRULE", "rrule: ^FREQ"]],
    },
    {
      name: "a rule in words is refused",
      corrections:
        "      - category: other\n        start: 2027-03-14T01:00:00Z\n        rrule: every sunday\n        duration: 5m\n",
      expected: [["CORRECTION_RRULE", "rrule: ^every"]],
    },
    {
      name: "a rule with an RRULE: prefix and every supported part is accepted",
      corrections:
        "      - category: other\n        start: 2027-03-14T01:00:00Z\n        rrule: RRULE:FREQ=MONTHLY;INTERVAL=2;UNTIL=20271231T235959Z\n        duration: 5m\n",
      expected: [],
    },
    {
      name: "an unknown time zone is refused at its value",
      corrections: `      - category: other\n${once}        timezone: Mars/Olympus_Mons\n`,
      expected: [["CORRECTION_TIMEZONE", "timezone: ^Mars"]],
    },
    {
      name: "a time zone in the wrong case is refused",
      corrections: `      - category: other\n${once}        timezone: america/new_york\n`,
      expected: [["CORRECTION_TIMEZONE", "timezone: ^america"]],
    },
    {
      name: "a local time without a time zone is refused at the time",
      corrections: "      - category: other\n        start: 2027-03-14T01:00:00\n        end: 2027-03-14T02:00:00Z\n",
      expected: [["CORRECTION_TIME", "start: ^2027-03-14T01:00:00\n"]],
    },
    {
      name: "a time that is no date is refused",
      corrections: "      - category: other\n        start: next tuesday\n        end: 2027-03-14T02:00:00Z\n",
      expected: [["CORRECTION_TIME", "start: ^next"]],
    },
    {
      name: "a day that does not exist is refused",
      corrections: "      - category: other\n        start: 2027-02-30T01:00:00Z\n        end: 2027-03-14T02:00:00Z\n",
      expected: [["CORRECTION_TIME", "start: ^2027-02-30"]],
    },
    {
      name: "a duration of zero is refused",
      corrections:
        "      - category: other\n        start: 2027-03-14T01:00:00Z\n        rrule: FREQ=DAILY\n        duration: 0m\n",
      expected: [["CORRECTION_DURATION", "duration: ^0m"]],
    },
    {
      name: "a duration of a fraction of a second is refused",
      corrections:
        "      - category: other\n        start: 2027-03-14T01:00:00Z\n        rrule: FREQ=DAILY\n        duration: 1500ms\n",
      expected: [["CORRECTION_DURATION", "duration: ^1500ms"]],
    },
    {
      name: "a negative duration is not a duration",
      corrections:
        "      - category: other\n        start: 2027-03-14T01:00:00Z\n        rrule: FREQ=DAILY\n        duration: -1h\n",
      expected: [["INVALID_DURATION", "duration: ^-1h"]],
    },
    {
      name: "two corrections with one name are refused at the second name",
      corrections: `      - { name: batch, category: other, start: 2027-03-14T01:00:00Z, end: 2027-03-14T02:00:00Z }
      - { name: batch, category: other, start: 2027-04-14T01:00:00Z, end: 2027-04-14T02:00:00Z }
`,
      expected: [["DUPLICATE_CORRECTION", "      - { name: ^batch, category: other, start: 2027-04"]],
    },
    {
      name: "two unnamed corrections at the same times are refused at the second",
      corrections: `      - { category: other, start: 2027-03-14T01:00:00Z, end: 2027-03-14T02:00:00Z }
      - { category: deployment, start: 2027-03-14T01:00:00Z, end: 2027-03-14T02:00:00Z }
`,
      expected: [["DUPLICATE_CORRECTION", "      - ^{ category: deployment"]],
    },
    {
      name: "a correction of the SLO named like one of the service is refused",
      corrections: "      - { name: move, category: other, start: 2027-04-14T01:00:00Z, end: 2027-04-14T02:00:00Z }\n",
      service:
        "corrections:\n  - { name: move, category: other, start: 2027-03-14T01:00:00Z, end: 2027-03-14T02:00:00Z }\n",
      expected: [["DUPLICATE_CORRECTION", "      - { name: ^move"]],
    },
    {
      name: "a name breaking the naming rule is refused",
      corrections: `      - name: Nightly Batch\n        category: other\n${once}`,
      expected: [["INVALID_NAME", "name: ^Nightly"]],
    },
    {
      name: "an end of the wrong type is reported once, not also as missing",
      corrections: "      - category: other\n        start: 2027-03-14T01:00:00Z\n        end: 5\n",
      expected: [["WRONG_TYPE", "end: ^5"]],
    },
    {
      name: "a misspelled end is reported once, as an unknown key",
      corrections: "      - category: other\n        start: 2027-03-14T01:00:00Z\n        ends: 2027-03-14T02:00:00Z\n",
      expected: [["UNKNOWN_KEY", "^ends:"]],
    },
    {
      name: "a canonical time zone in another case is refused at its value: Datadog is given the zone as written",
      corrections: `      - category: other\n${once}        timezone: america/new_york\n`,
      expected: [["CORRECTION_TIMEZONE", "timezone: ^america"]],
    },
    {
      name: "an alias of a time zone is taken",
      corrections: `      - category: other\n${once}        timezone: US/Eastern\n`,
      expected: [],
    },
    {
      name: "a local time in a time zone written in another case is refused at the zone only",
      corrections:
        "      - category: other\n        start: 2027-03-14T01:00:00\n        end: 2027-03-14T02:00:00\n        timezone: utc\n",
      expected: [["CORRECTION_TIMEZONE", "timezone: ^utc"]],
    },
    {
      name: "a problem of a service-wide correction is reported once, whatever the number of SLOs",
      corrections: `      - category: other\n${once}`,
      service: "corrections:\n  - { category: outage, start: 2027-05-14T01:00:00Z, end: 2027-05-14T02:00:00Z }\n",
      expected: [["CORRECTION_CATEGORY", "category: ^outage"]],
    },
  ];

  it.each(cases)("$name", ({ corrections, service, expected }) => {
    const yaml = withCorrections(corrections, service);
    const withSecondSlo = `${yaml}  - name: b\n${RATIO}    objectives:\n      - { window: 30d, target: 99 }\n`;
    const errors = codesAt(compileOne(withSecondSlo)).filter((entry) => !entry.startsWith("TAG_"));
    expect(errors).toEqual(expected.map(([code, at]) => `${code} ${positionOf(withSecondSlo, at)}`));
  });

  it("suggests the category and the time zone a typo was meant to be", () => {
    const yaml = withCorrections(`      - category: deploymnt\n${once}        timezone: America/New_Yrok\n`);
    const messages = compileOne(yaml).diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(messages.find((m) => m.startsWith("CORRECTION_CATEGORY"))).toContain('"deployment"');
    expect(messages.find((m) => m.startsWith("CORRECTION_TIMEZONE"))).toContain('"America/New_York"');
  });
});

describe("planned corrections", () => {
  const serviceWide =
    "corrections:\n  - { name: move, category: scheduled-maintenance, start: 2027-03-14T01:00:00-05:00, end: 2027-03-14T04:30:00-05:00 }\n";
  const sloLevel = `      - category: deployment
        description: 'Upgrade \${file("/etc/passwd")} %{ if true }x%{ endif }'
        start: 2027-06-01T00:00Z
        end: 2027-06-01T00:45Z
      - name: nightly
        category: outside-business-hours
        start: 2026-10-01T02:00:00
        duration: 30m
        rrule: FREQ=DAILY
        timezone: Asia/Tokyo
`;
  const twoSlos = (corrections: string) =>
    `${withCorrections(corrections, serviceWide)}  - name: b\n${RATIO}    objectives:\n      - { window: 30d, target: 99 }\n`;

  it("gives each SLO its own corrections and the service's, with ids from names or from when they apply", () => {
    const ids = correctionsOf(compileOne(twoSlos(sloLevel))).map((resource) => resource.logicalId);
    expect(ids.sort()).toEqual([
      expect.stringMatching(/^slo_web__a__correction__[0-9a-f]{8}$/),
      "slo_web__a__correction_move",
      "slo_web__a__correction_nightly",
      "slo_web__b__correction_move",
    ]);
  });

  it("synthesizes each correction with its SLO's id as a reference, every user text escaped, and the zone written", async () => {
    const plan = compileOne(twoSlos(sloLevel)).value!.plan;
    const stack = stacksOf(await synthesizeInMemory(plan)).get("web")!;
    const corrections = new Map(resourcesOf(stack, CORRECTION_RESOURCE));
    expect(corrections.get("slo_web__b__correction_move")).toMatchObject({
      slo_id: "${datadog_service_level_objective.slo_web__b.id}",
      category: "Scheduled Maintenance",
      start: utc(2027, 3, 14, 6),
      end: utc(2027, 3, 14, 9, 30),
      timezone: "UTC",
    });
    const unnamed = [...corrections.entries()].find(([id]) => id.startsWith("slo_web__a__correction__"))?.[1];
    expect(unnamed?.["description"]).toBe('Upgrade $${file("/etc/passwd")} %%{ if true }x%%{ endif }');
    expect(corrections.get("slo_web__a__correction_nightly")).toMatchObject({
      slo_id: "${datadog_service_level_objective.slo_web__a.id}",
      rrule: "FREQ=DAILY",
      duration: 1800,
      start: utc(2026, 9, 30, 17),
      timezone: "Asia/Tokyo",
    });
  });

  it("synthesizes the same bytes whatever the order of the corrections", async () => {
    const [first = "", second = ""] = sloLevel.split(/(?= {6}- name: nightly)/);
    const forwards = await synthesizeInMemory(compileOne(twoSlos(`${first}${second}`)).value!.plan);
    const backwards = await synthesizeInMemory(compileOne(twoSlos(`${second}${first}`)).value!.plan);
    expect(second).toContain("nightly");
    expect([...backwards]).toEqual([...forwards]);
  });

  it("moves a renamed SLO's corrections with it", async () => {
    const renamed = twoSlos(sloLevel).replace("  - name: a\n", "  - name: c\n    renamedFrom: a\n");
    const stack = stacksOf(await synthesizeInMemory(compileOne(renamed).value!.plan)).get("web")!;
    expect(stack.moved).toEqual(
      expect.arrayContaining([
        {
          from: "datadog_slo_correction.slo_web__a__correction_nightly",
          to: "datadog_slo_correction.slo_web__c__correction_nightly",
        },
      ]),
    );
  });
});

describe("corrections in slocc explain and the change diff", () => {
  it("shows, for a one-off correction, the time it takes out of each window against that window's budget", () => {
    const yaml = withCorrections(
      "      - { category: deployment, start: 2027-03-14T01:00:00-05:00, end: 2027-03-14T04:30:00-05:00 }\n" +
        "      - { name: nightly, category: other, start: 2027-03-14T01:00:00Z, rrule: FREQ=DAILY, duration: 30m }\n",
    );
    const [explanation] = explainModel(compileOne(yaml).value!.model);
    const [once, recurring] = explanation!.corrections;
    expect(once?.excluded).toEqual([
      {
        window: "7d",
        seconds: 12_600,
        budgetSeconds: expect.closeTo(604.8, 6),
        budgetPercent: expect.closeTo(2083.333, 2),
      },
      {
        window: "30d",
        seconds: 12_600,
        budgetSeconds: expect.closeTo(2592, 6),
        budgetPercent: expect.closeTo(486.111, 2),
      },
    ]);
    expect(recurring).toMatchObject({ name: "nightly", rrule: "FREQ=DAILY", durationSeconds: 1800 });
    expect(recurring?.excluded).toBeUndefined();
  });

  it("lists corrections added, changed and removed for the SLO, and their resources", () => {
    const compiled = (corrections: string) => {
      const result = compileOne(withCorrections(corrections));
      return { label: "x", model: result.value!.model, plan: result.value!.plan };
    };
    const base = compiled(
      "      - { name: nightly, category: other, start: 2027-03-14T01:00:00Z, rrule: FREQ=DAILY, duration: 30m }\n" +
        "      - { name: upgrade, category: deployment, start: 2027-05-01T01:00:00Z, end: 2027-05-01T03:00:00Z }\n",
    );
    const head = compiled(
      "      - { name: nightly, category: scheduled-maintenance, start: 2027-03-14T01:00:00Z, rrule: FREQ=DAILY, duration: 30m }\n" +
        "      - { category: other, start: 2027-06-01T00:00Z, end: 2027-06-01T01:00Z }\n",
    );
    const diff = changeDiff(base, head);
    const notes = diff.slos.flatMap((slo) => slo.fields.filter((f) => f.field === "correction").map((f) => f.note));
    expect(notes.sort()).toEqual(["correction added", "correction changed", "correction removed"]);
    const actions = diff.resources
      .filter((resource) => resource.resourceType === CORRECTION_RESOURCE)
      .map(
        (resource) =>
          `${resource.action} ${resource.logicalId.replace(/[0-9a-f]{8}$/, "<digest>")} ${resource.fields.join(",")}`,
      );
    expect(actions.sort()).toEqual([
      "create slo_web__a__correction__<digest> ",
      "destroy slo_web__a__correction_upgrade ",
      "update slo_web__a__correction_nightly category",
    ]);
  });
});
