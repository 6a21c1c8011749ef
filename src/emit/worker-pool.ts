import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { StackJob, StackManifest } from "./synth-stack.js";
import type { WorkerAnswer, WorkerRequest } from "./synth-worker.js";

/** The compiled worker script. Absent when slocc runs from its TypeScript sources (its own tests). */
const WORKER_SCRIPT = join(__dirname, "synth-worker.js");

/** A worker thread that synthesizes the stacks it is sent, one after the other, in the order sent. */
export class SynthesisThread {
  // A young generation larger than the default: synthesis allocates many short-lived objects.
  private readonly worker = new Worker(WORKER_SCRIPT, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  private readonly waiting = new Map<number, { resolve: (m: StackManifest) => void; reject: (e: Error) => void }>();
  private stopped: Error | undefined;
  private sent = 0;

  constructor() {
    // Idle, it never keeps the process alive; while a stack is out, it does.
    this.worker.unref();
    this.worker.on("message", (answer: WorkerAnswer) => {
      const waiter = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (this.waiting.size === 0) this.worker.unref();
      if ("error" in answer) waiter?.reject(new Error(answer.error));
      else waiter?.resolve(answer.manifest);
    });
    this.worker.on("error", (error) => this.stop(error));
    this.worker.on("exit", (code) => this.stop(new Error(`a synthesis thread stopped (exit code ${code})`)));
  }

  /** Synthesizes one stack on this thread; rejects if the thread failed to start, crashed or was closed. */
  synthesize(job: StackJob): Promise<StackManifest> {
    return new Promise((resolve, reject) => {
      if (this.stopped) return reject(this.stopped);
      const request: WorkerRequest = { id: this.sent++, job };
      this.waiting.set(request.id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage(request);
    });
  }

  /** Stops the thread. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private stop(reason: Error): void {
    this.stopped ??= reason;
    for (const waiter of this.waiting.values()) waiter.reject(this.stopped);
    this.waiting.clear();
  }
}

/**
 * Threads that synthesize stacks. Each loads cdktf as soon as it starts, so threads started before
 * the specs are compiled are ready when the stacks are. This module loads no cdktf itself.
 */
export class WorkerPool {
  private constructor(readonly threads: readonly SynthesisThread[]) {}

  /** Starts `count` threads, one per further core by default; none where the compiled worker is absent. */
  static start(count = availableParallelism() - 1): WorkerPool {
    const threads = existsSync(WORKER_SCRIPT)
      ? Array.from({ length: Math.max(0, count) }, () => new SynthesisThread())
      : [];
    return new WorkerPool(threads);
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.close()));
  }
}
