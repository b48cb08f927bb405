// Consumes ${{ values.queue }} and calls the ERP module API ${{ values.erpApi }} (${{ values.erpApiRange }}).
// The contract tests in test/contract pin the provider versions this worker accepts.
export type Message = { id: string; body: unknown };

export async function handle(
  message: Message,
  erpBaseUrl: string,
): Promise<void> {
  const res = await fetch(new URL('/', erpBaseUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': message.id,
    },
    body: JSON.stringify(message.body),
  });
  if (!res.ok) throw new Error('${{ values.erpApi }} answered ' + res.status);
}

console.log('${{ values.name }} consuming ${{ values.queue }}');
