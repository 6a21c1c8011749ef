import { rename } from "node:fs/promises";
import { join } from "node:path";

/**
 * What Terraform keeps in a stack's directory between runs: the providers `terraform init`
 * installed, and the lock file of their versions (meant to be committed). Synthesis replaces the
 * stack's JSON and keeps these, so a plan after a synth does not download the provider again.
 */
const WORKING_FILES: readonly string[] = [".terraform", ".terraform.lock.hcl"];

/** One file or folder moved from one place to another. */
interface Move {
  readonly from: string;
  readonly to: string;
}

/**
 * Moves the working files of each stack directory (`stacks/web`) under `fromRoot` to the same stack
 * directory under `toRoot`, which must exist. Resolves to the moves made, so they can be undone.
 */
export async function moveWorkingFiles(
  fromRoot: string,
  toRoot: string,
  stackDirs: readonly string[],
): Promise<Move[]> {
  const moves: Move[] = [];
  try {
    for (const dir of stackDirs) {
      for (const name of WORKING_FILES) {
        const move = { from: join(fromRoot, dir, name), to: join(toRoot, dir, name) };
        const moved = await rename(move.from, move.to).then(
          () => true,
          (error: NodeJS.ErrnoException) => {
            if (error.code === "ENOENT") return false;
            throw error;
          },
        );
        if (moved) moves.push(move);
      }
    }
  } catch (error) {
    await undoMoves(moves);
    throw error;
  }
  return moves;
}

/** Puts moved files back where they were, as far as possible. */
export async function undoMoves(moves: readonly Move[]): Promise<void> {
  for (const move of [...moves].reverse()) await rename(move.to, move.from).catch(() => undefined);
}
