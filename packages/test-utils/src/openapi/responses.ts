import { mediaSchemaAt, OpenApiDocument } from './document';

/*
 * Response checking: an answer is held to the schema the document gives for its status and
 * media type, and each one that passes is recorded, so that a test can ask which documented
 * responses it never saw.
 */

/** What the harness reads of an HTTP answer (a supertest response will do). */
export interface OpenApiResponse {
  status: number;
  headers: Record<string, unknown>;
  body: unknown;
  text: string;
}

/**
 * Fails unless the response's status, media type and body are what the document says; records
 * `METHOD /path status` of an answer that passes in `exercised`.
 */
export function expectResponseMatchesSpec(
  doc: OpenApiDocument,
  exercised: Set<string>,
  method: string,
  specPath: string,
  res: OpenApiResponse,
): void {
  const what = `${method.toUpperCase()} ${specPath} → ${res.status}`;
  const { op, at } = doc.operation(method, specPath);
  const documented = op.responses?.[String(res.status)];
  if (!documented) {
    throw new Error(
      `${what}, a status ${doc.name} does not document for it: ${String(
        res.text ?? '',
      ).slice(0, 1000)}`,
    );
  }
  const response = doc.deref(documented, `${at}/responses/${res.status}`);
  const mediaType = String(res.headers['content-type'] ?? '').split(';')[0];
  if (!response.node.content?.[mediaType]) {
    throw new Error(
      `${what} is ${mediaType}; ${doc.name} documents ${Object.keys(
        response.node.content ?? {},
      ).join(', ')}`,
    );
  }
  doc.assertValid(
    doc.validatorAt(mediaSchemaAt(response.at, mediaType)),
    mediaType === 'application/json' ? res.body : res.text,
    what,
  );
  exercised.add(`${method.toUpperCase()} ${specPath} ${res.status}`);
}

/** {@link expectResponseMatchesSpec} for a JSON body given as its status and value. */
export function validateResponse(
  doc: OpenApiDocument,
  exercised: Set<string>,
  method: string,
  specPath: string,
  status: number,
  body: unknown,
): void {
  expectResponseMatchesSpec(doc, exercised, method, specPath, {
    status,
    headers: { 'content-type': 'application/json' },
    body,
    text: JSON.stringify(body) ?? '',
  });
}

/** `METHOD /path status` of every response the document lists, `default` aside. */
export const documentedResponses = (doc: OpenApiDocument): string[] =>
  doc.operations.flatMap(o =>
    Object.keys(o.op.responses ?? {})
      .filter(status => status !== 'default')
      .map(status => `${o.method.toUpperCase()} ${o.path} ${status}`),
  );

/**
 * `METHOD /path status` of every response the document lists (`default` aside) that is not in
 * `exercised` (no answer has passed {@link expectResponseMatchesSpec} with it), but those named
 * in `untestable`.
 */
export const unexercisedResponses = (
  doc: OpenApiDocument,
  exercised: Set<string>,
  untestable: string[] = [],
): string[] =>
  documentedResponses(doc).filter(
    r => !exercised.has(r) && !untestable.includes(r),
  );
