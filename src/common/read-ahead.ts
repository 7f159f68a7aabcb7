// Files a worker read for this run before the main thread needs them (the stat prefetch's worker,
// emit/stat-prefetch.ts, reads a regeneration's normalizer state, IR snapshot, element hashes and
// units files while the main thread parses the spec). Reading ~9 MB from the disk costs the thread
// that reads ~1 ms a MB: the copy, and a first touch of every page of the new buffer. The worker's
// buffers are handed over whole (their memory moves, not copied), and their pages are touched
// already. The main thread takes what has arrived when it needs a file, without waiting
// (`receiveMessageOnPort`): a file not arrived yet is read from the disk as before, so a run never
// waits for the worker, and the bytes are the file's either way (nothing writes these files before
// the run commits, under the output lock).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { MessagePort } from "node:worker_threads";
import { workerThreads } from "./worker-threads.js";

/** What the worker posts for each file it read. */
export interface ReadAheadMessage {
  file: string;
  bytes: Uint8Array;
  /** For a cache file: the CRC-32 of what follows its first line (the checksum its header names, common/cache-files.ts). */
  bodyCrc?: number;
}

/** The main thread's end of the worker's channel, while a run expects files from it. */
let port: MessagePort | undefined;
/** Files arrived and not taken yet, by absolute path. */
const arrived = new Map<string, ReadAheadMessage>();
/** The body checksums the worker took, by the buffer handed out. */
const bodyCrcs = new WeakMap<Uint8Array, number>();
/** The files and bytes taken from the worker this run (what --timings tells). */
let taken = { files: 0, bytes: 0 };

/** Starts expecting files for this run; returns the end of the channel the worker posts them on (handed to it). */
export function expectReadAhead(): MessagePort {
  endReadAhead();
  const { MessageChannel } = workerThreads();
  const channel = new MessageChannel();
  port = channel.port1;
  // Never started and never listened to: its messages wait for receiveMessageOnPort and keep no run alive.
  port.unref();
  return channel.port2;
}

/** The file's bytes: as the worker read them for this run when they have arrived, else `readFileSync`'s. */
export function readPrefetched(file: string): Buffer {
  if (port === undefined) return readFileSync(file);
  const { receiveMessageOnPort } = workerThreads();
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
    const message = m.message as ReadAheadMessage;
    arrived.set(message.file, message);
  }
  const key = path.resolve(file);
  const message = arrived.get(key);
  if (message === undefined) return readFileSync(file);
  // Taken once: a second read of the file in the run reads the disk.
  arrived.delete(key);
  const { bytes, bodyCrc } = message;
  taken = { files: taken.files + 1, bytes: taken.bytes + bytes.byteLength };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bodyCrc !== undefined) bodyCrcs.set(buffer, bodyCrc);
  return buffer;
}

/**
 * The CRC-32 of what follows the first line of `bytes`, when readPrefetched handed them out and the
 * worker took it (~1 ms of the main thread less for the normalizer's 5 MB state).
 */
export function prefetchedBodyCrc(bytes: Uint8Array): number | undefined {
  return bodyCrcs.get(bytes);
}

/** The files (and their bytes) this run took from the worker so far. */
export function readAheadTaken(): { files: number; bytes: number } {
  return taken;
}

/** Ends a run's read-ahead: files not taken are dropped, later ones are never asked for. */
export function endReadAhead(): void {
  port?.close();
  port = undefined;
  arrived.clear();
  taken = { files: 0, bytes: 0 };
}
