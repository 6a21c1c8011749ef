import { synthesizeStack, type StackJob, type StackManifest } from "./synth-stack.js";
import type { SynthesisThread } from "./worker-pool.js";

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
 * Synthesizes every job on this thread and on the given worker threads at once. Threads take jobs
 * from one queue, so one that finishes early (or starts late) takes more; each stack is written by
 * exactly one thread, into its own directory, so the output is the same whatever thread wrote
 * what. Resolves to the manifest entries in job order; rejects once any job fails.
 */
export async function synthesizeAll(
  jobs: readonly StackJob[],
  workers: readonly SynthesisThread[],
): Promise<StackManifest[]> {
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
  const threads = workers.map((worker) => guarded(() => runOnWorker(worker, queue, results)));
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

/**
 * Feeds a worker thread from the queue, keeping two stacks out at a time so that it starts the next
 * one without waiting for this thread, which answers only between its own stacks.
 */
async function runOnWorker(thread: SynthesisThread, queue: JobQueue, results: StackManifest[]): Promise<void> {
  const lane = async (): Promise<void> => {
    for (let taken = queue.take(); taken; taken = queue.take())
      results[taken.index] = await thread.synthesize(taken.job);
  };
  await Promise.all([lane(), lane()]);
}
