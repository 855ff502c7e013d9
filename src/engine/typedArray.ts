import { z } from 'zod';

/**
 * A typed array of the given kind, told by its tag: one made in another realm (sent from a worker thread and read
 * in a test runner's sandbox) is not an instance of this realm's constructor.
 */
export const typedArraySchema = <T extends ArrayBufferView>(tag: string) =>
  z.custom<T>((v) => ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === `[object ${tag}]`, `expected ${tag}`);
