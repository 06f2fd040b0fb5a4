import type { Decision, OperationRecord, ProposeRequest, WaitOptions } from '../../core/operations/types.js';
import type { OperationFilter } from '../../core/store/types.js';

/** The operations API the write tools use; `createOperations` returns a superset. */
export interface WriteOperations {
  propose(request: ProposeRequest): Promise<OperationRecord>;
  approve(id: string, decision: Decision): Promise<OperationRecord>;
  reject(id: string, decision: Decision): Promise<OperationRecord>;
  get(id: string): Promise<OperationRecord | null>;
  list(filter: OperationFilter): Promise<OperationRecord[]>;
  waitFor(id: string, options: WaitOptions): Promise<OperationRecord>;
}

export interface WriteToolOptions {
  /**
   * The operations to propose to. When absent, the provider creates them on the core's store; the
   * process that serves MCP runs the queue worker that executes them.
   */
  operations?: WriteOperations;
  /**
   * How long a tool call waits for an operation to finish, in milliseconds, counted from the start
   * of the call. Clients give up on a tool call after about 60 seconds, so the default is 45,000.
   */
  waitMs?: number;
  /** How long a person has to fill in the confirmation form, in milliseconds; default 10 minutes. */
  elicitationTimeoutMs?: number;
  /** How often a waiting call sends `notifications/progress`, in milliseconds; default 5,000. */
  progressIntervalMs?: number;
  /** How long a tier-4 token stays valid, in milliseconds; default 15 minutes. */
  tokenTtlMs?: number;
}
