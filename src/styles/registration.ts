import { css } from 'lit';

/**
 * What only `<passkey-register>` and `<u2f-register>` show: the Cancel beside the busy button and the prompt's countdown, the landing page's note without a link, and "Continue" as the
 * primary action after success. Logical properties throughout, so `dir="rtl"` mirrors the layout.
 */
export const registrationStyles = css`
  :host {
    --_countdown: var(--pk-countdown-color, var(--_muted));
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }
  [part~='button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }
  [part~='cancel'],
  [part~='continue'] {
    font: inherit;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [part~='cancel'] {
    border: 1px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
  }
  /* "Continue" is where the person goes next: it looks like the primary button. */
  [part~='continue'] {
    display: inline-block;
    border: 1px solid transparent;
    background: var(--_accent);
    color: var(--_on-accent);
    text-decoration: none;
  }
  [part~='cancel']:focus-visible,
  [part~='continue']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  [part~='countdown'] {
    margin: 0;
    color: var(--_countdown);
    font-variant-numeric: tabular-nums;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    [part~='cancel'],
    [part~='continue'] {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
  }
`;
