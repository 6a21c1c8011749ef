/**
 * A problem with what the user asked for rather than with the specs (a git ref that does not
 * exist, a backend setting that is not one): the command stops with exit code 2 and this message.
 */
export class UsageError extends Error {}
