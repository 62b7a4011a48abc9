// The Content-Security-Policy, in one place: the build puts it in a <meta> tag and every
// server we ship (vite preview, npm start) sends it as a header. connect-src names exactly
// the partner's origin when a partner profile is baked in, and nothing else.
export function contentSecurityPolicy(partnerOrigin?: string, opts: { header?: boolean } = {}) {
  const connect = ["'self'", ...(partnerOrigin ? [partnerOrigin] : [])].join(' ');
  const directives = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  // frame-ancestors is ignored (and warned about) in a meta tag; it only works as a header.
  if (opts.header) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

export const SECURITY_HEADERS = (partnerOrigin?: string): Record<string, string> => ({
  'Content-Security-Policy': contentSecurityPolicy(partnerOrigin, { header: true }),
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'geolocation=(), microphone=(), interest-cohort=()',
});
