/**
 * How people read a business process the API names by its Domain ref: its name
 * (`domain:default/order-to-cash` is `order-to-cash`), with the namespace when it is not the
 * default one (`logistics/order-to-cash`). Anything else is shown as it is.
 */
export function businessProcessLabel(value: string): string {
  const ref = /^domain:(.+)$/i.exec(value);
  const rest = ref ? ref[1] : value;
  return rest.replace(/^default\//i, '');
}

/** A business process as the portfolio filter takes it: a name, `namespace/name` or a ref. */
export const BUSINESS_PROCESS_PATTERN =
  /^(?:[a-z0-9][\w.-]*:)?(?:[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;
