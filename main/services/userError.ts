// Services throw this for anything the user caused or can fix; the Studio API turns it
// into a failed ApiResult carrying the sentence, while any other error is a bug and
// is reported generically (and logged) rather than leaking a stack trace.

/** An error whose message is one sentence fit to show the user. */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
