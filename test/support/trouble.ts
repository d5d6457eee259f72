/**
 * Collects what must never happen while the kit works: uncaught errors, unhandled rejections and
 * `console.error` calls. Start it before the action, stop it after, then expect `trouble` to be empty.
 */
export function watchForTrouble() {
  const trouble: string[] = [];
  const onError = (event: ErrorEvent) => trouble.push(`uncaught: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) =>
    trouble.push(`unhandled rejection: ${String(event.reason)}`);
  const consoleError = console.error;
  console.error = (...args: unknown[]) => trouble.push(`console.error: ${args.map(String).join(' ')}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    trouble,
    stop() {
      console.error = consoleError;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}
