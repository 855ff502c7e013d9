/**
 * Input the user must fix before anything can be done: a missing file, an unreadable sheet, a missing required
 * column, a bad flag. The message names the place and says what to do; the CLI prints it without a stack trace.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Parses a JSON file's text, or says which file is broken, why, and what to do. */
export function parseJsonText(text: string, source: string, whatToDo: string): unknown {
  if (text.trim() === '') throw new InputError(`${source} is empty. ${whatToDo}`);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${source} is not valid JSON (${(e as Error).message}). ${whatToDo}`);
  }
}
