import { RegApi2Error } from '../client/errors.js';
import type { OperationState } from './types.js';

/** No operation has this id in the store. */
export class OperationNotFoundError extends RegApi2Error {
  readonly code = 'OPERATION_NOT_FOUND';
  readonly id: string;

  constructor(id: string) {
    super(`Operation ${id} not found`, 'Check the id with `regapi2 ops list`; ids are 32 hexadecimal characters.');
    this.id = id;
  }
}

/** The operation is no longer in a state that allows this step, for example a second approval. */
export class OperationStateError extends RegApi2Error {
  readonly code = 'OPERATION_STATE_CONFLICT';
  readonly id: string;
  readonly state: OperationState;

  constructor(id: string, state: OperationState, action: string, decidedBy: string | null) {
    const by = decidedBy ? ` (decided by ${decidedBy})` : '';
    super(
      `Cannot ${action} operation ${id}: it is ${state}${by}`,
      state === 'expired'
        ? 'Propose the operation again; pending operations expire so that stale prices and zones are not approved.'
        : 'Nothing was changed. Show the operation with `regapi2 ops show ID` to see its current state.',
    );
    this.id = id;
    this.state = state;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), id: this.id, state: this.state };
  }
}

/** The approval policy does not let this person approve this operation. */
export class ApprovalDeniedError extends RegApi2Error {
  readonly code = 'APPROVAL_DENIED';
  readonly id: string;

  constructor(id: string, message: string, hint: string) {
    super(message, hint);
    this.id = id;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), id: this.id };
  }
}
