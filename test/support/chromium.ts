import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * The browser the tests drive: Debian's chromium (`.ci/run` installs it when missing), or the
 * Chromium-based browser `CHROMIUM` names (GitHub's runners have Google Chrome).
 */
export const CHROMIUM = process.env["CHROMIUM"] ?? "/usr/bin/chromium";

const present = existsSync(CHROMIUM);
/** Under CI, or as root (who can install it), a missing chromium fails the tests rather than skipping them. */
const required = process.env["CI"] !== undefined || process.getuid?.() === 0;

/** Whether the browser tests run: chromium is there, or must be. */
export const runsChromium = present || required;

/** The reason shown in test names when the browser tests are skipped. */
export const chromiumSkipNote = runsChromium ? "" : " (SKIPPED: chromium is not installed)";

/**
 * Starts headless chromium with a fresh profile, nothing in the background reaching out (no
 * component updates, sync or QUIC), or fails saying how to install it.
 */
export async function launchChromium(): Promise<Browser> {
  if (!present)
    throw new Error(`chromium is not installed at ${CHROMIUM}: install it with \`apt-get install -y chromium\``);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
