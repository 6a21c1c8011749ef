import { createInterface } from "node:readline";
import type { CliIo } from "./io.js";

/** Whether questions can be asked: only when a person can answer on the terminal. */
export function canAsk(): boolean {
  return Boolean(process.stdin.isTTY);
}

/** Prints `question` on stderr and resolves to whether the line typed on stdin is exactly `yes`. */
export async function confirmYes(question: string, io: CliIo): Promise<boolean> {
  io.stderr(question);
  const lines = createInterface({ input: process.stdin });
  try {
    const answer = await new Promise<string | undefined>((resolve) => {
      lines.once("line", resolve);
      // End of input (Ctrl-D) is a refusal, not a hang.
      lines.once("close", () => resolve(undefined));
    });
    return answer?.trim() === "yes";
  } finally {
    lines.close();
  }
}
