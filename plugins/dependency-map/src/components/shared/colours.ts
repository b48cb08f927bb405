/** Fill colours of nodes by `spec.type` (or kind when there is no type): readable with white text. */
const TYPE_COLOURS: Record<string, string> = {
  'erp-module': '#1565c0',
  integration: '#6a1b9a',
  service: '#2e7d32',
  website: '#00838f',
  openapi: '#ef6c00',
  grpc: '#ef6c00',
  graphql: '#ef6c00',
  asyncapi: '#ad1457',
  database: '#4e342e',
  'message-broker': '#5d4037',
  tenant: '#546e7a',
  system: '#37474f',
  domain: '#263238',
};

const FALLBACK = [
  '#00695c',
  '#283593',
  '#9e9d24',
  '#c62828',
  '#4527a0',
  '#558b2f',
  '#0277bd',
  '#d84315',
];

/** The colour of a node of this type (or kind): fixed for known types, stable for the rest. */
export function colourOfType(type: string | undefined): string {
  const key = (type ?? 'unknown').toLowerCase();
  const known = TYPE_COLOURS[key];
  if (known) return known;
  let hash = 0;
  for (let i = 0; i < key.length; i++) {
    hash = (hash * 31 + key.charCodeAt(i)) | 0;
  }
  return FALLBACK[Math.abs(hash) % FALLBACK.length];
}

/** Colour of dependency edges inside a cycle. */
export const CYCLE_COLOUR = '#d32f2f';
/** Colour of other edges. */
export const EDGE_COLOUR = '#90a4ae';
/** Outline of nodes matching the search. */
export const MATCH_COLOUR = '#fbc02d';
