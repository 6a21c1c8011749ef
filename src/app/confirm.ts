import { createInterface } from "node:readline";
import type { AppContext } from "./context.js";

/** Whether questions can be asked: only when a person can answer on the terminal. */
export function canAsk(context: AppContext): boolean {
  return Boolean(context.stdin.isTTY);
}

/** Prints `question` on stderr and resolves to whether the line typed on stdin is exactly `yes`. */
export async function confirmYes(question: string, context: AppContext): Promise<boolean> {
  context.stderr(question);
  const lines = createInterface({ input: context.stdin });
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
