import type { OperationDefinition } from '../../catalogue/types.js';
import type { CoreCaller } from '../../dns/types.js';

/** The part of the core that previews use: calls to read the current state, and the catalogue for effects. */
export interface PreviewCore extends CoreCaller {
  readonly catalogue: readonly OperationDefinition[];
}
