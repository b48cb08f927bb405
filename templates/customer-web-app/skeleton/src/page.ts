// The HTML pages: the order lookup form and an order's status. No script: the form is a GET.
import type { OrderStatus } from './orders.ts';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function layout(title: string, heading: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(heading)} · ${escapeHtml(title)}</title>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(heading)}</h1>`,
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const lookupForm = (value = '') =>
  [
    '<form action="/orders" method="get">',
    '<label for="id">Order number</label>',
    `<input id="id" name="id" required pattern="[A-Za-z0-9][A-Za-z0-9-]{2,39}" value="${escapeHtml(
      value,
    )}">`,
    '<button type="submit">Track</button>',
    '</form>',
  ].join('\n');

/** The home page: look an order up. */
export function homePage(title: string): string {
  return layout(title, 'Track your order', lookupForm());
}

/** An order's status. */
export function statusPage(title: string, status: OrderStatus): string {
  const updated = status.updatedAt
    ? `<p>Last update: <time datetime="${escapeHtml(
        status.updatedAt,
      )}">${escapeHtml(status.updatedAt)}</time></p>`
    : '';
  return layout(
    title,
    `Order ${status.orderId}`,
    [
      `<p class="status status-${escapeHtml(status.status)}">${escapeHtml(
        status.label,
      )}</p>`,
      `<progress max="${status.steps}" value="${status.step}">Step ${status.step} of ${status.steps}</progress>`,
      updated,
      lookupForm(),
    ].join('\n'),
  );
}

/** A message page (order not found, bad order number, service off). */
export function messagePage(
  title: string,
  heading: string,
  message: string,
  value = '',
): string {
  return layout(
    title,
    heading,
    `<p>${escapeHtml(message)}</p>\n${lookupForm(value)}`,
  );
}
