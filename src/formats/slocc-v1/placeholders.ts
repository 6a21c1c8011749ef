import type { DataPath } from "../../load/source-file.js";
import { PLACEHOLDER_SOURCE } from "../../util/placeholder.js";
import { isRecord } from "../shape.js";

/** `{{name}}`: a placeholder filled from an environment's variables or a template's parameters. */
const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, "g");

/** A text that is one placeholder and nothing else. */
const WHOLE_PLACEHOLDER = new RegExp(`^${PLACEHOLDER_SOURCE}$`);

/** The values placeholders take, and what to do with one that has none. */
export interface Filling {
  readonly values: ReadonlyMap<string, string | number>;
  /** Called for each placeholder without a value: its name, its text as written, and the path of the string holding it. */
  readonly unknown: (name: string, written: string, path: DataPath) => void;
}

/**
 * `text` with every placeholder replaced by its value. A text that is one placeholder whose value
 * is a number becomes that number, so a template can fill a numeric field.
 */
export function fillText(text: string, path: DataPath, filling: Filling): string | number {
  const whole = WHOLE_PLACEHOLDER.exec(text);
  const wholeValue = whole?.[1] === undefined ? undefined : filling.values.get(whole[1]);
  if (typeof wholeValue === "number") return wholeValue;
  return text.replace(PLACEHOLDER, (written, name: string) => {
    const value = filling.values.get(name);
    if (value === undefined) {
      filling.unknown(name, written, path);
      return written;
    }
    return String(value);
  });
}

/** A copy of spec data with the placeholders of every text filled (see {@link fillText}). */
export function fillData(data: unknown, path: DataPath, filling: Filling): unknown {
  if (typeof data === "string") return fillText(data, path, filling);
  if (Array.isArray(data)) return data.map((item: unknown, index) => fillData(item, [...path, index], filling));
  if (isRecord(data))
    return Object.fromEntries(
      Object.entries(data).map(([key, value]) => [key, fillData(value, [...path, key], filling)]),
    );
  return data;
}

/** What placeholders a service's environments can fill, for messages about one they cannot. */
export interface KnownVariables {
  /** Every variable some environment gives, for "did you mean". */
  readonly names: readonly string[];
  /** Where values come from, in words. */
  readonly described: string;
}
