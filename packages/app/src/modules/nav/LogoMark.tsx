/** Waybill's mark: a route through three stops, drawn as a W. */
export const LogoMark = (props: { className?: string }) => (
  <path
    className={props.className}
    d="M4 7 L10 25 L16 12 L22 25 L28 7"
    fill="none"
    strokeWidth={4}
    strokeLinecap="round"
    strokeLinejoin="round"
  />
);
