import { html, type TemplateResult } from 'lit';
import { generate } from 'lean-qr/nano';
import { toSvgPath } from 'lean-qr/extras/svg';

/** Quiet zone around the code, in modules: the QR standard asks for four. */
const QUIET_ZONE = 4;

/**
 * A QR code as inline SVG: one `<path>` built from lean-qr's module matrix. No canvas, no innerHTML, no
 * data: URL, so it renders under a strict Content-Security-Policy with Trusted Types.
 */
export function qrCode(text: string, label: string): TemplateResult {
  const code = generate(text);
  const size = code.size + QUIET_ZONE * 2;
  return html`<svg
    part="qr"
    role="img"
    aria-label=${label}
    viewBox="${-QUIET_ZONE} ${-QUIET_ZONE} ${size} ${size}"
    shape-rendering="crispEdges"
    data-modules=${code.size}
  >
    <rect x=${-QUIET_ZONE} y=${-QUIET_ZONE} width=${size} height=${size} fill="#fff"></rect>
    <path d=${toSvgPath(code)} fill="#000"></path>
  </svg>`;
}
