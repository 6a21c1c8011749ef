import { parentPort } from "node:worker_threads";
import { synthesizeStack, type StackJob } from "./synth-stack.js";

/** A job sent to a synthesis thread, numbered so its answer finds its caller. */
export interface WorkerRequest {
  readonly id: number;
  readonly job: StackJob;
}

/** A synthesis thread's answer: the stack's manifest entry, or why it failed. */
export type WorkerAnswer =
  | { readonly id: number; readonly manifest: Readonly<Record<string, unknown>> }
  | { readonly id: number; readonly error: string };

// Runs on a worker thread: synthesizes each stack it is sent and answers with its manifest entry.
parentPort?.on("message", (request: WorkerRequest) => {
  let answer: WorkerAnswer;
  try {
    answer = { id: request.id, manifest: synthesizeStack(request.job) };
  } catch (error) {
    answer = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(answer);
});
