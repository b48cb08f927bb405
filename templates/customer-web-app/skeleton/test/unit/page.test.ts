import assert from 'node:assert/strict';
import { it } from 'node:test';
import { escapeHtml, messagePage, statusPage } from '../../src/page.ts';

it('escapes HTML', () => {
  assert.equal(
    escapeHtml(`<a href="x" title='y'>&</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
  );
});

it('never puts a typed value into the page unescaped', () => {
  const page = messagePage(
    'shop',
    'Check',
    'Bad number',
    '"><script>x</script>',
  );
  assert.equal(page.includes('<script>'), false);
  assert.match(page, /value="&quot;&gt;&lt;script&gt;/);
});

it('shows the status and progress of an order', () => {
  const page = statusPage('shop', {
    orderId: 'SO-1',
    status: 'delivered',
    label: 'Delivered',
    step: 4,
    steps: 4,
    updatedAt: '2025-01-07T10:12:00.000Z',
  });
  assert.match(page, /<h1>Order SO-1<\/h1>/);
  assert.match(page, /<progress max="4" value="4">/);
  assert.match(page, />Delivered</);
});
