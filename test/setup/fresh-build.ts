import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { changedSinceBuild } from "../support/build-freshness.js";

const ROOT = join(__dirname, "..", "..");

/**
 * Many tests run the built command (bin/slocc.js runs dist/): before any runs, dist/ is rebuilt
 * when a source changed since the last build, so no test ever runs against stale code. `npm test`
 * builds first, so this finds nothing to do there; `npx vitest` after an edit gets the rebuild.
 */
export function setup(): void {
  const changed = changedSinceBuild(ROOT);
  if (changed.length === 0) return;
  process.stderr.write(
    `dist/ is older than ${changed[0]}${changed.length > 1 ? ` and ${changed.length - 1} more` : ""}: npm run build\n`,
  );
  try {
    execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  } catch {
    throw new Error("dist/ is stale and `npm run build` failed: run it to see why");
  }
}
