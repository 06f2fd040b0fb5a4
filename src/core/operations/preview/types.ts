import type { OperationDefinition } from '../../catalogue/types.js';
import type { CoreCaller } from '../../dns/types.js';

/** What the previews need from the core: calls for the current state, and the catalogue for effects. */
export interface PreviewCore extends CoreCaller {
  readonly catalogue: readonly OperationDefinition[];
}
