/**
 * Types for using the kit's tags directly in React 19 JSX (`passkey-elements/jsx`, types only):
 *
 * ```tsx
 * import 'passkey-elements';
 * import type {} from 'passkey-elements/jsx';
 *
 * <passkey-register user-id={user.id} token={getToken} onregistration-success={(e) => save(e.detail.id)} />
 * ```
 *
 * React 19 sets a prop on a custom element as a property when the element has one (`userId`, `token`),
 * otherwise as an attribute (`user-id`), and listens to `on` + the event's exact name:
 * `onregistration-success`. Define the elements before React renders them, or properties such as `token`
 * become attributes. `passkey-elements/react` has wrappers with camelCase event props for any React.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { KitElements, KitTag } from './internal/frameworks/element-types.js';

export type * from './internal/frameworks/element-types.js';

/** Event props as React 19 names them for custom elements: `on` + the event name, as dispatched. */
export type ReactEventProps<Events> = {
  [Name in keyof Events & string as `on${Name}`]?: (event: Events[Name]) => void;
};

/** The JSX props of one of the kit's tags. */
export type KitElementProps<Tag extends KitTag> = DetailedHTMLProps<
  HTMLAttributes<KitElements[Tag]['element']>,
  KitElements[Tag]['element']
> &
  Partial<KitElements[Tag]['properties']> &
  KitElements[Tag]['attributes'] &
  ReactEventProps<KitElements[Tag]['events']>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in this namespace.
  namespace JSX {
    interface IntrinsicElements {
      'passkey-register': KitElementProps<'passkey-register'>;
      'u2f-register': KitElementProps<'u2f-register'>;
      'registration-link-admin': KitElementProps<'registration-link-admin'>;
      'authenticator-list': KitElementProps<'authenticator-list'>;
    }
  }
}
