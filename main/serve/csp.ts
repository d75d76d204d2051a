// One Content-Security-Policy for the app wherever it is served. Scripts come only
// from the app itself (no inline script, no eval), plugins and framing are off, and
// nothing may be fetched from the network. Inline styles are allowed because they
// cannot run code and the sanitised lesson Markdown and charts may carry them.

/** The CSP header value; `extraSources` adds origins such as the desktop's hcs: scheme. */
export function contentSecurityPolicy(extraSources: readonly string[] = []): string {
  const self = ["'self'", ...extraSources].join(' ');
  return [
    `default-src ${self}`,
    "script-src 'self'",
    `style-src ${self} 'unsafe-inline'`,
    `img-src ${self} data: blob:`,
    `media-src ${self} blob:`,
    `font-src ${self}`,
    `connect-src ${self}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
  ].join('; ');
}

/**
 * The CSP of every file served from a course pack. `sandbox` gives a file opened on its
 * own (an SVG, a PDF) an opaque origin with scripts off, so it can neither run code nor
 * call the Studio API as the study page; `default-src 'none'` lets it load nothing but
 * its own inline styles and embedded images.
 */
export const COURSE_MEDIA_CSP = ["sandbox", "default-src 'none'", "style-src 'unsafe-inline'", 'img-src data:', 'font-src data:'].join('; ');
