import { rename } from "node:fs/promises";
import { join } from "node:path";

/**
 * What Terraform keeps in a stack's directory between runs: the providers `terraform init`
 * installed, and the lock file of their versions (meant to be committed). Synthesis replaces the
 * stack's JSON and keeps these, so a plan after a synth does not download the provider again.
 */
const WORKING_FILES: readonly string[] = [".terraform", ".terraform.lock.hcl"];

/** One file or folder moved from one place to another. */
export interface Move {
  readonly from: string;
  readonly to: string;
}

/**
 * Moves the working files of each stack directory (`stacks/web`) under `fromRoot` to the same stack
 * directory under `toRoot`, which must exist. Resolves to the moves made, so they can be undone.
 */
export function moveWorkingFiles(fromRoot: string, toRoot: string, stackDirs: readonly string[]): Promise<Move[]> {
  return moveAll(
    stackDirs.flatMap((dir) =>
      WORKING_FILES.map((name) => ({ from: join(fromRoot, dir, name), to: join(toRoot, dir, name) })),
    ),
    true,
  );
}

/**
 * Moves whole stack directories (`stacks/web`) from under `fromRoot` to under `toRoot`, whose
 * parent directories must exist. Resolves to the moves made, so they can be undone.
 */
export function moveStackDirs(fromRoot: string, toRoot: string, stackDirs: readonly string[]): Promise<Move[]> {
  return moveAll(
    stackDirs.map((dir) => ({ from: join(fromRoot, dir), to: join(toRoot, dir) })),
    false,
  );
}

/**
 * Makes the moves all at once (a large output has hundreds of stack directories), skipping those
 * whose source is missing when `missingOk`. On any other failure, the moves made are undone.
 */
async function moveAll(wanted: readonly Move[], missingOk: boolean): Promise<Move[]> {
  const outcomes = await Promise.allSettled(wanted.map((move) => rename(move.from, move.to).then(() => move)));
  const moves = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
  const failure = outcomes.find(
    (outcome): outcome is PromiseRejectedResult =>
      outcome.status === "rejected" && !(missingOk && (outcome.reason as NodeJS.ErrnoException).code === "ENOENT"),
  );
  if (failure) {
    await undoMoves(moves);
    throw failure.reason;
  }
  return moves;
}

/** Puts moved files back where they were, as far as possible. */
export async function undoMoves(moves: readonly Move[]): Promise<void> {
  for (const move of [...moves].reverse()) await rename(move.to, move.from).catch(() => undefined);
}
