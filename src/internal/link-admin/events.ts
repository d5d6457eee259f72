import type { ChangeDetails, LinkDelivery } from '../../backends/types.js';
import type { RegistrationErrorDetail } from '../shared/events.js';

export interface LinkCreatedDetail {
  userId: string;
  delivery: LinkDelivery;
  /** The link to hand to the user (not for `email`: ZITADEL sends it). */
  link?: string;
  codeId?: string;
  code?: string;
  /** When the link stops working, as an ISO timestamp, where the server says (v1). */
  expiration?: string;
  details: ChangeDetails | undefined;
}

/** What `create()` resolves with: the same as the `link-created` event's detail. */
export type LinkCreated = LinkCreatedDetail;

export type LinkCreatedEvent = CustomEvent<LinkCreatedDetail>;
export type LinkErrorEvent = CustomEvent<RegistrationErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'link-created': LinkCreatedEvent;
    'link-error': LinkErrorEvent;
  }
}
