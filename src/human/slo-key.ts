/** An SLO's key across services, as people read it too: `stack/slo`, such as `web/checkout-availability`. */
export function sloKey(stack: string, slo: string): string {
  return `${stack}/${slo}`;
}
