/**
 * Errors of two kinds:
 *  - SfnServiceError: an error of the Step Functions API, sent back over HTTP as an AWS JSON 1.0
 *    error body (`{"__type": "...", "message": "..."}`), so the AWS SDK raises the matching
 *    exception class (ExecutionAlreadyExists, TaskDoesNotExist, InvalidToken, ...);
 *  - StateError: an error raised inside an execution (a task failing), whose `name` is the
 *    Step Functions error name that `Retry`/`Catch` match and whose `message` is the `Cause`.
 */

export type SfnErrorType =
  | 'ExecutionAlreadyExists'
  | 'ExecutionDoesNotExist'
  | 'StateMachineDoesNotExist'
  | 'InvalidArn'
  | 'InvalidName'
  | 'InvalidExecutionInput'
  | 'InvalidOutput'
  | 'InvalidToken'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'ValidationException'
  | 'UnknownOperationException'
  | 'SerializationException'
  | 'InternalFailure';

export class SfnServiceError extends Error {
  readonly type: SfnErrorType;
  readonly status: number;
  constructor(type: SfnErrorType, message: string, status = type === 'InternalFailure' ? 500 : 400) {
    super(message);
    this.name = type;
    this.type = type;
    this.status = status;
  }
}

/**
 * An error inside an execution. aws-local-stepfunctions matches `Retry`/`Catch` on `name`, uses
 * `message` as the `Cause`, and honours `isRetryable`/`isCatchable` when present.
 */
export class StateError extends Error {
  readonly isRetryable: boolean;
  readonly isCatchable: boolean;
  constructor(name: string, cause: string, options: { retryable?: boolean; catchable?: boolean } = {}) {
    super(cause);
    this.name = name;
    this.isRetryable = options.retryable ?? true;
    this.isCatchable = options.catchable ?? true;
  }
}

/** `States.Runtime`: not retryable, not catchable (as on AWS). */
export function runtimeError(cause: string): StateError {
  return new StateError('States.Runtime', cause, { retryable: false, catchable: false });
}

/**
 * The error Step Functions reports when a Lambda function throws: the error name is the Lambda
 * `errorType` (the thrown error's `name`) and the cause is the Lambda error payload as JSON.
 */
export function lambdaFunctionError(error: unknown): StateError {
  const errorType = error instanceof Error ? error.name || 'Error' : 'Error';
  const errorMessage = error instanceof Error ? error.message : String(error);
  const trace = error instanceof Error && error.stack ? error.stack.split('\n') : [];
  return new StateError(errorType, JSON.stringify({ errorType, errorMessage, trace }));
}
