/**
 * Types for the kit's tags in Vue 3 templates (`passkey-elements/vue`, types only), in the form Vue's guide
 * gives for custom elements not built with Vue: one `GlobalComponents` entry per tag, whose `$props` and
 * `$emit` are what `vue-tsc` (and Vue's editor support) check a template against.
 *
 * ```ts
 * import 'passkey-elements';
 * import type {} from 'passkey-elements/vue';
 * ```
 * ```vue
 * <passkey-register :user-id="user.id" .token="token" @registration-success="(e) => save(e.detail.id)" />
 * ```
 *
 * Vue still needs `compilerOptions.isCustomElement` to leave the tags to the browser.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { KitElements, KitTag } from './internal/frameworks/element-types.js';

export type * from './internal/frameworks/element-types.js';

/** `registration-success` → `RegistrationSuccess`. */
type PascalCase<Name extends string> = Name extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PascalCase<Tail>}`
  : Capitalize<Name>;

/** Listener props as Vue names them (`@registration-success` is `onRegistrationSuccess`). */
export type VueEventProps<Events> = {
  [Name in keyof Events & string as `on${PascalCase<Name>}`]?: (event: Events[Name]) => void;
};

/** Vue's type of a component that emits `Events`. */
export type VueEmit<Events> = EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;

/**
 * One of the kit's tags as Vue's type checking sees a component. `$props` and `$emit` exist for type
 * checking only: the element itself has neither.
 */
export type KitVueComponent<Tag extends KitTag> = new () => KitElements[Tag]['element'] & {
  /** @deprecated For template type checking only; the element has no `$props`. */
  $props: HTMLAttributes &
    Partial<KitElements[Tag]['properties']> &
    VueEventProps<KitElements[Tag]['events']> &
    PublicProps;
  /** @deprecated For template type checking only; the element has no `$emit`. */
  $emit: VueEmit<KitElements[Tag]['events']>;
};

declare module 'vue' {
  interface GlobalComponents {
    'passkey-register': KitVueComponent<'passkey-register'>;
    'u2f-register': KitVueComponent<'u2f-register'>;
    'registration-link-admin': KitVueComponent<'registration-link-admin'>;
    'authenticator-list': KitVueComponent<'authenticator-list'>;
  }
}
