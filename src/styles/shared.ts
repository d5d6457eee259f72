import { css } from 'lit';

/**
 * Public theme hooks are `--pk-*` custom properties; inside the shadow root they feed private `--_*`
 * variables, so a page sets a token once and every element follows.
 *
 * Light or dark follows the page's `color-scheme` (a page that declares `color-scheme: light dark` gets
 * the person's `prefers-color-scheme`), so the element never turns dark on a light-only page; the
 * `theme` attribute (`light`, `dark`, `auto`) decides explicitly, and then the element paints its own
 * surface (`--pk-surface-color`, `Canvas` of its scheme) so its text is legible on any page. Without it, the
 * text is the page's own (`currentColor`, inherited) and muted text is that colour at 70 %, so a page that
 * paints itself dark without declaring `color-scheme` does not get black text on its dark background.
 */
export const themeTokens = css`
  :host {
    --_font: var(--pk-font-family, inherit);
    --_text: var(--pk-text-color, currentColor);
    --_muted: var(--pk-muted-color, color-mix(in srgb, currentColor 70%, transparent));
    --_accent: var(--pk-accent-color, light-dark(#2a5bd7, #8fb0ff));
    --_on-accent: var(--pk-on-accent-color, light-dark(#fff, #0b1a3a));
    --_error: var(--pk-error-color, light-dark(#b3261e, #ffb4ab));
    --_success: var(--pk-success-color, light-dark(#1e7b34, #8fdc9f));
    --_radius: var(--pk-radius, 0.5rem);
    --_space: var(--pk-spacing, 0.75rem);
    --_progress: var(--pk-progress-color, currentColor);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([theme='light']),
  :host([theme='dark']),
  :host([theme='auto']) {
    --_text: var(--pk-text-color, CanvasText);
    background: var(--pk-surface-color, Canvas);
  }
`;

export const baseStyles = css`
  :host {
    display: block;
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='base'] {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }
  p {
    margin: 0;
    /* A name or a link without spaces (a device named in one word, a URL) wraps rather than widen the page. */
    overflow-wrap: anywhere;
  }
  /*
   * An empty live region stays rendered (for what it will announce) but out of the grid's flow, so it adds
   * no gap above the error message, the note or the end of the element.
   */
  [part~='status'][data-empty] {
    position: absolute;
  }
  [part~='status'],
  [part~='note'] {
    color: var(--_muted);
  }
  [part~='message'] {
    color: var(--_error);
  }
  :host([state='success']) [part~='status'],
  [part~='status'].success {
    color: var(--_success);
  }
  [part~='field'] {
    display: grid;
    gap: calc(var(--_space) / 3);
  }
  [part~='input'] {
    font: inherit;
    padding: calc(var(--_space) / 2);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
  }
  /* The registration elements' Cancel and "Continue" are sized as the buttons; "Continue" looks like one. */
  [part~='button'],
  [part~='cancel'],
  [part~='continue'] {
    font: inherit;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
  }
  /*
   * A control is at least 24 px tall (WCAG 2.5.8), on a touch screen a fingertip's 44 px, padding and border
   * included (as a button is sized by default; a link and an input are not).
   */
  [part~='button'],
  [part~='cancel'],
  [part~='continue'],
  [part~='input'] {
    box-sizing: border-box;
    min-block-size: 24px;
  }
  @media (any-pointer: coarse) {
    [part~='button'],
    [part~='cancel'],
    [part~='continue'],
    [part~='input'] {
      min-block-size: 44px;
    }
  }
  /* Cancel (while the prompt is open) is the quiet way out: outlined, before the forced colours below. */
  [part~='cancel'] {
    border-color: var(--_accent);
    background: transparent;
    color: var(--_accent);
  }
  [part~='button'][aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  /* Busy is said by the label and the ring: a busy button keeps its full contrast. */
  [part~='button'][aria-busy='true'] {
    opacity: 1;
  }
  [part~='button']:has([part~='progress']) {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    /* A label that wraps (German at 320 px) stays beside the ring, not centred under it. */
    text-align: start;
  }
  /* A ring that turns; with reduced motion a still ring with a gap, which still reads as busy. */
  [part~='progress'] {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    box-sizing: border-box;
    border: 0.15em solid color-mix(in srgb, var(--_progress) 30%, transparent);
    border-block-start-color: var(--_progress);
    border-radius: 50%;
    animation: pk-spin 0.8s linear infinite;
  }
  @keyframes pk-spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='progress'] {
      animation: none;
      border-inline-end-color: var(--_progress);
    }
  }
  /*
   * The status and the message take the focus after an action: they are ringed as the buttons are, only
   * where the browser shows focus (after the keyboard), and never boxed like an input.
   */
  [part~='button']:focus-visible,
  [part~='cancel']:focus-visible,
  [part~='continue']:focus-visible,
  [part~='message']:focus-visible,
  [part~='status']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    [part~='button'],
    [part~='cancel'],
    [part~='continue'] {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    [part~='button']:focus-visible {
      outline-color: Highlight;
    }
    [part~='message'] {
      color: CanvasText;
    }
    [part~='progress'] {
      border-color: GrayText;
      border-block-start-color: ButtonText;
    }
  }
`;
