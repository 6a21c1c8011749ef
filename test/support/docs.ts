import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The repository's root. */
export const ROOT = join(__dirname, "..", "..");

/** The documentation: README.md and every page of docs/, as paths relative to the root. */
export const DOC_FILES: readonly string[] = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
];

/** A fenced code block of a Markdown file: its info string (`yaml`, `sh`, or empty) and its text. */
export interface FencedBlock {
  readonly file: string;
  readonly lang: string;
  readonly text: string;
}

/** The fenced code blocks of a Markdown text, in order. Fences may be indented (inside a list item). */
export function fencedBlocks(file: string, markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  for (const match of markdown.matchAll(/^( *)```([\w-]*)\n([\s\S]*?)^\1```$/gm)) {
    const indent = match[1] ?? "";
    const text = (match[3] ?? "")
      .split("\n")
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
      .join("\n");
    blocks.push({ file, lang: match[2] ?? "", text });
  }
  return blocks;
}

/** The text of a documentation file. */
export function docText(file: string): string {
  return readFileSync(join(ROOT, file), "utf8");
}

/** Every complete spec example of the documentation: a YAML block that starts with `apiVersion: slocc/v1`. */
export function specExamples(): { file: string; index: number; yaml: string }[] {
  return DOC_FILES.flatMap((file) =>
    fencedBlocks(file, docText(file))
      .filter((block) => block.lang === "yaml" && block.text.startsWith("apiVersion: slocc/v1"))
      .map((block, index) => ({ file, index, yaml: block.text })),
  );
}
