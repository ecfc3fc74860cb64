declare global {
  interface Window {
    lullProblems?: string[];
  }
}

/**
 * Runs in the page: keeps its uncaught errors, unhandled rejections, `console.error` calls and
 * CSP violations in `window.lullProblems`, for engines whose driver has no console events.
 * Installing it twice in one document changes nothing.
 */
export const watchProblems = (): void => {
  if (window.lullProblems) return;
  const problems: string[] = [];
  window.lullProblems = problems;
  window.addEventListener('error', (event) => problems.push(`page error: ${event.message}`));
  window.addEventListener('unhandledrejection', (event) => problems.push(`page error: ${String(event.reason)}`));
  document.addEventListener('securitypolicyviolation', (event) => problems.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  const error = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    problems.push(`console error: ${args.map(String).join(' ')}`);
    error(...args);
  };
};

/** Runs in the page: reports CSP violations as console errors, which Playwright and Puppeteer pass on. */
export const reportCspViolations = (): void => {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
  });
};
