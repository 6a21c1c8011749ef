import { join } from "node:path";

/** The package's own directory: the one holding package.json, whether running from src/ or dist/. */
export const PACKAGE_ROOT = join(__dirname, "..", "..");
