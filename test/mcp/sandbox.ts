import { startSandbox, type FaultSpec, type RecordedRequest, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

export type TestSandbox = Sandbox;

/** Starts the sandbox on a free 127.0.0.1 port for one test file. */
export function startTestSandbox(options: SandboxOptions): Promise<TestSandbox> {
  return startSandbox({ host: '127.0.0.1', port: 0, ...options });
}

export function addFault(sandbox: TestSandbox, spec: FaultSpec): void {
  sandbox.faults.add(spec);
}

export function clearFaults(sandbox: TestSandbox): void {
  sandbox.faults.clear();
}

/** The requests the sandbox received for one method path, such as `zone/get_resource_records`. */
export function requestsTo(sandbox: TestSandbox, path: string): RecordedRequest[] {
  return sandbox.requests.filter((request) => request.path === `/api/regru2/${path}`);
}
