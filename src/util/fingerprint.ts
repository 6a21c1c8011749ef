import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareText } from "./text.js";

let fingerprint: string | undefined;

/**
 * A hash of slocc itself: its package.json (version and pinned dependencies) and its code (the
 * compiled JavaScript, or the sources when run from them). What slocc keeps between runs carries
 * it, so a build of other code never reuses what this one wrote.
 */
export function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const root = join(__dirname, "..");
  const hash = createHash("sha256").update(readOptional(join(root, "..", "package.json")));
  // The code's own kind of file: `.js` when compiled (declarations left out), `.ts` when run from the sources.
  const extension = __filename.slice(__filename.lastIndexOf("."));
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(extension) && !file.endsWith(".d.ts"))
    .sort(compareText);
  for (const file of files)
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(join(root, file)))
      .update("\0");
  fingerprint = hash.digest("hex");
  return fingerprint;
}

/** A file's text, or nothing: there is no package.json where slocc's code is compiled for its benchmark. */
function readOptional(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
