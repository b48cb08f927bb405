/** Labels that read as a tenant (a retail, European, standard, shared tenant on AWS). */
export const TENANT_LABELS = {
  'waybill.dev/segment': 'retail',
  'waybill.dev/region': 'europe',
  'waybill.dev/tier': 'standard',
  'waybill.dev/cloud': 'aws',
  'waybill.dev/tenancy': 'shared',
};
