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
