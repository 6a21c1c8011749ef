import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { synthesizeStack, type StackJob, type StackManifest } from "./synth-stack.js";
import type { WorkerAnswer, WorkerRequest } from "./synth-worker.js";

/** The compiled worker script. Absent when slocc runs from its TypeScript sources (its own tests). */
const WORKER_SCRIPT = join(__dirname, "synth-worker.js");

/** Whether stacks can be synthesized on worker threads here. */
export function canUseWorkers(): boolean {
  return existsSync(WORKER_SCRIPT);
}

/** The jobs, handed out one at a time to whichever thread is free; once one fails, no more. */
class JobQueue {
  private next = 0;
  private stopped = false;

  constructor(readonly jobs: readonly StackJob[]) {}

  take(): { readonly index: number; readonly job: StackJob } | undefined {
    const job = this.stopped ? undefined : this.jobs[this.next];
    return job ? { index: this.next++, job } : undefined;
  }

  stop(): void {
    this.stopped = true;
  }
}

/**
 * Synthesizes every job on this thread and on `workers` worker threads at once. Threads take jobs
 * from one queue, so one that finishes early takes more; each stack is written by exactly one
 * thread, into its own directory, so the output is the same whatever thread wrote what. Resolves
 * to the manifest entries in job order; rejects once any job fails.
 */
export async function synthesizeAll(jobs: readonly StackJob[], workers: number): Promise<StackManifest[]> {
  const queue = new JobQueue(jobs);
  const results = new Array<StackManifest>(jobs.length);
  const guarded = async (run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      queue.stop();
      throw error;
    }
  };
  const threads = Array.from({ length: workers }, () => guarded(() => runOnWorker(queue, results)));
  await Promise.all([guarded(() => runHere(queue, results)), ...threads]);
  return results;
}

async function runHere(queue: JobQueue, results: StackManifest[]): Promise<void> {
  for (let taken = queue.take(); taken; taken = queue.take()) {
    results[taken.index] = synthesizeStack(taken.job);
    // Between stacks, the workers' answers get through and they get their next job.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function runOnWorker(queue: JobQueue, results: StackManifest[]): Promise<void> {
  const worker = new Worker(WORKER_SCRIPT);
  try {
    for (let taken = queue.take(); taken; taken = queue.take())
      results[taken.index] = await ask(worker, { id: taken.index, job: taken.job });
  } finally {
    await worker.terminate();
  }
}

function ask(worker: Worker, request: WorkerRequest): Promise<StackManifest> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      outcome();
    };
    const onMessage = (answer: WorkerAnswer) =>
      settle(() => ("error" in answer ? reject(new Error(answer.error)) : resolve(answer.manifest)));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) => settle(() => reject(new Error(`a synthesis thread stopped (exit code ${code})`)));
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage(request);
  });
}
