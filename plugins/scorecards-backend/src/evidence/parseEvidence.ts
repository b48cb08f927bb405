import { InputError } from '@backstage/errors';
import {
  EvidenceFacts,
  EvidenceFormat,
  EvidenceKind,
} from '@waybill/plugin-scorecards-common';
import { parseCobertura } from './cobertura';
import { parseCycloneDx } from './cyclonedx';
import { parseJUnit } from './junit';
import { parseLcov } from './lcov';
import { parseReadiness } from './readiness';
import { parseSarif } from './sarif';
import { isJsonObject } from './json';
import { describeValue } from './text';

/** Parses an uploaded evidence file of a known format into facts; bad input throws InputError. */
export function parseEvidence(
  format: EvidenceFormat,
  body: string,
): EvidenceFacts {
  switch (format) {
    case 'junit':
      return parseJUnit(body);
    case 'cobertura':
      return parseCobertura(body);
    case 'lcov':
      return parseLcov(body);
    case 'sarif':
      return parseSarif(body);
    case 'cyclonedx':
      return parseCycloneDx(body);
    case 'waybill-readiness':
      return parseReadiness(body);
    default:
      // Signed evidence (sigstore-bundle, dsse-envelope) is verified, not parsed: see
      // supplyChain/verifySupplyChainEvidence.
      // Reached only when a caller bypasses the types, e.g. with a format from a query string.
      throw new InputError(`Unknown evidence format ${describeValue(format)}`);
  }
}

/** The start of a body, as much as detection looks at, and the whole body for signed evidence. */
interface Sniffed {
  xml: boolean;
  json: boolean;
  lcov: boolean;
  mediaType?: string;
  body: string;
}

/** Whether a JSON body is a Sigstore bundle or a bare DSSE envelope, by its top-level keys. */
function detectSigned(b: Sniffed): EvidenceFormat | undefined {
  if (!b.json) return undefined;
  let document: unknown;
  try {
    document = JSON.parse(b.body);
  } catch {
    return undefined;
  }
  if (!isJsonObject(document)) return undefined;
  if (
    typeof document.mediaType === 'string' &&
    document.mediaType.startsWith('application/vnd.dev.sigstore.bundle')
  ) {
    return 'sigstore-bundle';
  }
  return 'payloadType' in document && 'signatures' in document
    ? 'dsse-envelope'
    : undefined;
}

/** Per kind: what the evidence must be, and which of its formats a body is, if any. */
const DETECTORS: Readonly<
  Record<
    EvidenceKind,
    { expected: string; detect(body: Sniffed): EvidenceFormat | undefined }
  >
> = {
  tests: { expected: 'JUnit XML', detect: b => (b.xml ? 'junit' : undefined) },
  coverage: {
    expected: 'Cobertura XML or LCOV',
    detect: b => {
      if (b.xml) {
        return 'cobertura';
      }
      return b.lcov ? 'lcov' : undefined;
    },
  },
  security: {
    expected: 'a SARIF 2.1.0 JSON log',
    detect: b => (b.json ? 'sarif' : undefined),
  },
  dependencies: {
    expected: 'a CycloneDX JSON SBOM',
    detect: b => {
      if (b.xml || b.mediaType === 'application/vnd.cyclonedx+xml') {
        throw new InputError(
          'dependencies evidence must be a CycloneDX JSON SBOM; CycloneDX XML is not supported (use the JSON output of your SBOM tool)',
        );
      }
      return b.json ? 'cyclonedx' : undefined;
    },
  },
  readiness: {
    expected: 'a Waybill readiness JSON document',
    detect: b => (b.json ? 'waybill-readiness' : undefined),
  },
  signature: {
    expected: 'a Sigstore bundle or a DSSE envelope',
    detect: detectSigned,
  },
  provenance: {
    expected: 'SLSA provenance in a Sigstore bundle or a DSSE envelope',
    detect: detectSigned,
  },
};

/**
 * Tells the format of an uploaded evidence file of `kind` from the start of its body; the
 * Content-Type only sharpens the message when the body fits no format of the kind.
 */
export function detectEvidenceFormat(
  kind: EvidenceKind,
  contentType: string | undefined,
  body: string,
): EvidenceFormat {
  if (!Object.hasOwn(DETECTORS, kind)) {
    throw new InputError(`Unknown evidence kind ${describeValue(kind)}`);
  }
  const start = firstContentIndex(body);
  const head = body.slice(start, start + 20);
  const mediaType =
    contentType?.split(';')[0].trim().toLowerCase() || undefined;
  const { expected, detect } = DETECTORS[kind];
  const format = detect({
    xml: head.startsWith('<'),
    json: head.startsWith('{'),
    lcov: head.startsWith('TN:') || head.startsWith('SF:'),
    mediaType,
    body,
  });
  if (format !== undefined) {
    return format;
  }
  const sent = mediaType ? ` (sent as ${mediaType})` : '';
  const preview = head ? `starts with ${describeValue(head)}` : 'is empty';
  throw new InputError(
    `${kind} evidence must be ${expected}, but the body${sent} ${preview}`,
  );
}

/** Where the content starts, past a byte order mark and leading white space. */
function firstContentIndex(body: string): number {
  let i = body.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < body.length && ' \t\r\n'.includes(body[i])) {
    i++;
  }
  return i;
}

/** The media types each format may be sent as; any format may also be sent as a plain octet stream. */
const MEDIA_TYPES: Readonly<Record<EvidenceFormat, readonly string[]>> = {
  junit: ['application/xml', 'text/xml'],
  cobertura: ['application/xml', 'text/xml'],
  lcov: ['text/plain'],
  sarif: ['application/sarif+json', 'application/json'],
  cyclonedx: ['application/vnd.cyclonedx+json', 'application/json'],
  'waybill-readiness': ['application/json'],
  'sigstore-bundle': [
    'application/vnd.dev.sigstore.bundle.v0.3+json',
    'application/vnd.dev.sigstore.bundle+json',
    'application/json',
  ],
  'dsse-envelope': ['application/json'],
};

/**
 * Refuses a body whose Content-Type contradicts its format (or is missing), so that a pipeline
 * sending the wrong file, or `curl --data` form encoding, hears about it instead of being guessed at.
 */
export function assertEvidenceMediaType(
  format: EvidenceFormat,
  contentType: string | undefined,
) {
  const mediaType =
    contentType?.split(';')[0].trim().toLowerCase() || undefined;
  const accepted = MEDIA_TYPES[format];
  if (
    mediaType === 'application/octet-stream' ||
    (mediaType && accepted.includes(mediaType))
  ) {
    return;
  }
  const sent = mediaType ? `Content-Type ${mediaType}` : 'no Content-Type';
  throw new InputError(
    `The body is ${format} evidence but was sent with ${sent}; send it as ${accepted.join(
      ' or ',
    )} (or application/octet-stream)`,
  );
}
