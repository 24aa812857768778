import type { InboundKind } from '../inbound/inbound-message.types';

export type { InboundKind };

/** Every kind of inbound message (the contract's type, as a list for validation and docs). */
export const INBOUND_KINDS = [
  'reply',
  'auto_reply',
  'bounce',
  'delayed',
  'opt_out',
  'other',
] as const satisfies readonly InboundKind[];
