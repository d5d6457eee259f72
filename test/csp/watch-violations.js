// Runs before the kit: records every CSP violation (Trusted Types ones included) for the test to read.
/** @type {string[]} */
const violations = [];
Object.assign(window, { cspViolations: violations });
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
});
