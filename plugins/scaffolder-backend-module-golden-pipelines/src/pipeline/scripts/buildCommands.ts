import { PipelineModel } from '../model';

/** Writes the release version: the package version and the commit. */
export function releaseVersion(): string {
  return `base=$(node -p "require('./package.json').version")
echo "version=\${base}+\${COMMIT:0:12}" >> "$PIPELINE_OUTPUT"`;
}

/** Checks the format and validity of the cloud's Terraform. */
export function iacValidate(): string {
  return `terraform -chdir="infra/$CLOUD" fmt -check -recursive
terraform -chdir="infra/$CLOUD" init -backend=false -input=false
terraform -chdir="infra/$CLOUD" validate`;
}

/** Contract tests read each provider API's published spec and version from the Waybill catalog. */
export function contractTests(model: PipelineModel): string {
  return [
    'WAYBILL_TOKEN=$(waybill_token)',
    'export WAYBILL_TOKEN',
    ...model.contractApis.map(
      ({ api, range }) =>
        `npm run test:contract -- --api '${api}' --range '${range}'`,
    ),
  ].join('\n');
}
