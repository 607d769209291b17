/**
 * Errors thrown by non-HTTP handlers (state-machine tasks, schedules, events). Their `name` is
 * what Step Functions matches in Retry/Catch, so names are stable identifiers.
 */
export class TaskError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** The task's input is not what it must be: retrying cannot help. */
export const invalidInput = (message: string) => new TaskError('InvalidTaskInput', message);
