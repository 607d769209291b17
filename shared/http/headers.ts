/**
 * Sent with every response of the API (JSON, HTML, CSV, errors; by the handler stack, and by the
 * local API server for the answers it gives itself): no MIME sniffing of a JSON or CSV body into
 * something executable, no URL (with its ids) leaking to other sites in Referer, HTTPS only for a
 * year once a browser has seen the API over HTTPS (ignored over plain HTTP, as locally), and no
 * framing of the notice page. A route's own header of the same name wins.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-frame-options': 'DENY',
};
