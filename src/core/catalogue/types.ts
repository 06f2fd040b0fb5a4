import type { z } from 'zod';

/** The accounts that may call a method, as REG.API's documentation classifies them. */
export type Access = 'everyone' | 'clients' | 'partners';

/**
 * What a call does to the account. `billing` may spend money or move the balance, so REG.API runs at
 * most one such call per account at a time (`BILLING_LOCK`); `write` changes data without money.
 */
export type Effect = 'read' | 'write' | 'billing';

/** The list field of a bulk-capable method and how many objects REG.API takes in one request. */
export interface BulkSpec {
  field: 'domains' | 'services' | 'bills' | 'lots' | 'dname';
  /** REG.API answers `TOO_MANY_OBJECTS_IN_ONE_REQUEST` above this count (1,000 for domains and services). */
  max: number;
}

/** The description of one REG.API method in a catalogue file. Names are derived from `path`. */
export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** REG.API path below the base URL: `zone/add_txt`, or `nop` for root methods. */
  path: string;
  /** One line for people and models. */
  summary: string;
  /** Further text for the tool description: open-ended fields, quirks, what to call first. */
  description?: string;
  /** Strict zod schema of `input_data`, with REG.API's own field names. */
  input: I;
  /** Schema of `answer`, loose enough for the test account and real accounts alike; it normalises ids to strings and amounts to numbers. */
  output: O;
  access: Access;
  effect: Effect;
  bulk?: BulkSpec;
  /** Only in the 2017 documentation, or only in a third-party client. */
  deprecated?: boolean;
  /** Removes or replaces data (zone/clear, service/delete, ...): the MCP `destructiveHint` for writes. */
  destructive?: boolean;
  /**
   * How elements of the answer's result list are judged. Default `true`: a failed element makes the
   * call partial, and a call whose elements all failed raises. `report`: elements are judged and
   * returned, but an unavailable element is an answer, not a failure (domain/check). `false`: elements
   * carry `error_code` as data (service/check_readonly).
   */
  itemOutcomes?: boolean | 'report';
  /** The answer is a file, not the JSON envelope (domain/download_certificate). */
  binary?: boolean;
  /**
   * Concurrent calls that each name one domain (`domain_name` or `dname`) with the same other fields
   * may be sent as one request with a `domains` list. Only for reads whose elements are reported
   * one by one, so each caller still gets its own element.
   */
  mergeConcurrent?: boolean;
}

/** A catalogue entry: the spec plus the names every front end derives from the path. */
export interface OperationDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType>
  extends OperationSpec<I, O> {
  /** `zone` for `zone/add_txt`; `common` for root methods, as the Ruby gem files them. */
  category: string;
  /** `add_txt` for `zone/add_txt`. */
  method: string;
  /** MCP tool name: `zone_add_txt`, `common_nop`. */
  toolName: string;
  /** Facade member: `api.zone.addTxt`. */
  facadeName: string;
}

const ROOT_CATEGORY = 'common';

/** `zone` for `zone/add_txt`, `common` for a root method; the type-level twin of the runtime rule. */
export type CategoryOf<P extends string> = P extends `${infer C}/${string}` ? C : typeof ROOT_CATEGORY;
/** `add_txt` for `zone/add_txt`. */
export type MethodOf<P extends string> = P extends `${string}/${infer M}` ? M : P;
/** `addTxt` for `add_txt`. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** A catalogue entry whose names are known to the type checker, for the typed facade. */
export type NamedOperation<P extends string, I extends z.ZodType, O extends z.ZodType, E extends Effect> = OperationDefinition<I, O> & {
  path: P;
  effect: E;
  category: CategoryOf<P>;
  method: MethodOf<P>;
  facadeName: CamelCase<MethodOf<P>>;
};

/** Derives the category, method, tool and facade names from a REG.API path. */
export function defineOperation<const P extends string, I extends z.ZodType, O extends z.ZodType, const E extends Effect>(
  spec: OperationSpec<I, O> & { path: P; effect: E },
): NamedOperation<P, I, O, E> {
  const slash = spec.path.indexOf('/');
  const category = slash === -1 ? ROOT_CATEGORY : spec.path.slice(0, slash);
  const method = slash === -1 ? spec.path : spec.path.slice(slash + 1);
  return {
    ...spec,
    category: category as CategoryOf<P>,
    method: method as MethodOf<P>,
    toolName: `${category}_${method}`,
    facadeName: method.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()) as CamelCase<MethodOf<P>>,
  };
}
