import { css } from 'lit';

/**
 * What only `<passkey-register>` and `<u2f-register>` show: the row of the busy button, its Cancel and the
 * prompt's countdown, the landing page's note without a link, and "Continue" as the primary action after
 * success (Cancel and "Continue" are drawn as the buttons are, in shared.ts). Logical properties throughout,
 * so `dir="rtl"` mirrors the layout.
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
  /* "Continue", where the person goes next, is a link with the button's look: its text centred as a label. */
  [part~='button'],
  [part~='continue'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }
  [part~='continue'] {
    text-decoration: none;
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
`;
