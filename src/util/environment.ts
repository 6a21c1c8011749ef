/** Environment variables by name, as a process or a child process sees them. */
export type Environment = Readonly<Record<string, string | undefined>>;
