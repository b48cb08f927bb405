// Calls to ${{ values.erpApi }}.
import type { ErpRequest } from './message.ts';

export const ERP_API = '${{ values.erpApi }}';

/** An answer of the ERP API that is not a success. */
export class ErpError extends Error {
  /** The ERP's status, or undefined when it could not be reached. */
  readonly status: number | undefined;

  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

/** Sends a request to the ERP API; throws ErpError unless it answers 2xx. */
export async function sendToErp(
  baseUrl: string,
  request: ErpRequest,
  timeoutMs = 10_000,
): Promise<{ status: number }> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl.replace(/\/+$/, '')}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new ErpError(
      `${ERP_API} could not be reached: ${(error as Error).message}`,
    );
  }
  const text = await res.text();
  if (!res.ok) {
    throw new ErpError(
      `${ERP_API} answered ${res.status}: ${text.slice(0, 200)}`,
      res.status,
    );
  }
  return { status: res.status };
}
