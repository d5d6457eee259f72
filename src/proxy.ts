/**
 * `passkey-elements/proxy`: the server-side piece that lets browsers without a ZITADEL token use the kit
 * (link landing pages, admin pages, session-based apps). Server-side only; no dependencies; the Fetch API
 * is all it needs (Node ≥ 20, Deno, Bun, Cloudflare Workers, Next.js route handlers).
 */
export { createProxy, type AdminTarget, type ProxyOptions, type ZitadelProxy } from './proxy/create-proxy.js';
export { nodeHandler, type NodeNext, type NodeRequest, type NodeResponse } from './proxy/node-handler.js';
export { proxyRoutes, type PolicyClass, type ProxyRoute } from './proxy/routes.js';
