/*
 * Markup and script that users, pipelines or the catalog could put into a free-text field, and
 * the check that a rendered page holds them as text only. Each payload is tagged with the field
 * it goes into, so a test can tell which field shows.
 */

/** A payload for the field named `tag`. */
export type HostileMarkup = (tag: string) => string;

export const HOSTILE_MARKUP: readonly HostileMarkup[] = [
  tag => `<script>window.__xss='${tag}'</script>`,
  tag => `<img src=x onerror="window.__xss='${tag}'">`,
  tag => `"><svg onload="window.__xss='${tag}'">`,
  tag => `javascript:window.__xss='${tag}'`,
  tag => `[${tag}](javascript:window.__xss=1)`,
];

/** The payloads as `it.each` rows: a name and the payload. */
export const HOSTILE_MARKUP_ROWS = HOSTILE_MARKUP.map(
  markup => [markup('field'), markup] as const,
);

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href'];

/** Whether a browser would run a URL as script: it ignores whitespace and control characters. */
const isScriptUrl = (url: string) =>
  /^(javascript|vbscript|data):/i.test(
    [...url].filter(c => c.charCodeAt(0) > 0x20).join(''),
  );

/**
 * Expects the page to hold every one of `shown` as written, and nothing the payloads could
 * create: no script, image or frame element, no inline event handler (React never renders one),
 * no script URL in a link, and no `window.__xss`.
 */
export function expectInertMarkup(shown: readonly string[]) {
  const elements = [...document.querySelectorAll('*')];
  expect(
    document.querySelectorAll('script, img[src="x"], iframe, object, embed'),
  ).toHaveLength(0);
  expect(
    elements.flatMap(el =>
      [...el.attributes]
        .filter(a => /^on/i.test(a.name))
        .map(a => `<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`),
    ),
  ).toEqual([]);
  expect(
    elements.flatMap(el =>
      URL_ATTRIBUTES.map(name => el.getAttribute(name) ?? '')
        .filter(isScriptUrl)
        .map(value => `<${el.tagName.toLowerCase()}> ${value}`),
    ),
  ).toEqual([]);
  expect((window as { __xss?: unknown }).__xss).toBeUndefined();
  const text = document.body.textContent ?? '';
  expect(shown.filter(value => !text.includes(value))).toEqual([]);
}
