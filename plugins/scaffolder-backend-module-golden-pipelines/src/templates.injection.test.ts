/*
 * Every field of every template's form, read from templates/<name>/template.yaml, given each
 * hostile input (alone and after the field's valid value) through a real scaffolder dry run:
 * the form or the template's first step refuses it, naming the field, or the generated
 * repository holds it as inert data (same structure, same shell, no new GitHub expression as
 * the benign form's).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  BASE_VALUES,
  Server,
  deliveryValues,
  dryRun,
  renderedFiles,
  startDryRunBackend,
  templateInput,
} from './__testUtils__/dryRun';
import { HOSTILE_INPUTS } from './__testUtils__/hostileInputs';
import { inertnessProblems } from './__testUtils__/inertness';
import {
  FormField,
  fieldLabel,
  formFields,
  valueAt,
  withValueAt,
} from './__testUtils__/templateParameters';
import { TEMPLATES_DIR } from './__testUtils__/templateFiles';

const TEMPLATE_NAMES = fs
  .readdirSync(TEMPLATES_DIR, { withFileTypes: true })
  .filter(d => fs.existsSync(path.join(TEMPLATES_DIR, d.name, 'template.yaml')))
  .map(d => d.name);

/** Valid values of the optional fields the base values leave out, so every field is filled in. */
const OPTIONAL_VALUES: Record<string, unknown> = {
  system: 'customer-channels',
  dependsOn: ['component:default/sales'],
  consumedApis: [{ api: 'api:default/sales-orders-api', range: '^2.4.0' }],
  erpPath: '/tenants/{tenantId}/supplier-invoices',
};

/** The template's form with every field filled in. */
function completeForm(templateName: string, fields: FormField[]) {
  const values: Record<string, unknown> = {
    ...BASE_VALUES[templateName],
    ...deliveryValues(templateName),
  };
  for (const field of fields) {
    const name = field.path[0] as string;
    if (values[name] === undefined) values[name] = OPTIONAL_VALUES[name];
  }
  return values;
}

/** How a field carries a hostile input: alone, after its valid value, and in a repoUrl's parts. */
function carriers(field: FormField, valid: string, hostile: string): string[] {
  if (field.schema['ui:field'] !== 'RepoUrlPicker') {
    return [hostile, `${valid}${hostile}`];
  }
  const [host, query] = valid.split('?');
  const params = (patch: Record<string, string>) =>
    `${host}?${new URLSearchParams({
      ...Object.fromEntries(new URLSearchParams(query)),
      ...patch,
    })}`;
  return [
    hostile,
    params({ owner: hostile }),
    params({ repo: `${new URLSearchParams(query).get('repo')}${hostile}` }),
  ];
}

interface DryRunAnswer {
  status: number;
  body: {
    errors?: Array<{ path: Array<string | number>; stack: string }>;
    error?: { message: string };
    directoryContents?: Array<{ path: string; base64Content: string }>;
  };
}

/** Why a refusal does not say which field is wrong: empty when it does. */
function refusalProblems(res: DryRunAnswer, field: FormField): string[] {
  if (res.body.errors) {
    // The form's schema: the error's path is the field's.
    const named = res.body.errors.some(
      e => JSON.stringify(e.path) === JSON.stringify(field.path),
    );
    return named
      ? []
      : [
          `refused for another field: ${res.body.errors
            .map(e => e.stack)
            .join('; ')}`,
        ];
  }
  // A step: its message names the form's field.
  const message = res.body.error?.message ?? JSON.stringify(res.body);
  return message.includes(String(field.path[0]))
    ? []
    : [`refused without naming ${field.path[0]}: ${message}`];
}

describe('hostile values in every field of every template', () => {
  let server: Server;
  const outcomes: Record<string, number> = {};

  beforeAll(async () => {
    server = await startDryRunBackend();
  }, 60_000);

  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(
      `Hostile dry runs: ${Object.entries(outcomes)
        .map(([outcome, n]) => `${n} ${outcome}`)
        .join(', ')}`,
    );
  });

  it('reads the templates', () => {
    expect(TEMPLATE_NAMES.sort()).toEqual(Object.keys(BASE_VALUES).sort());
  });

  describe.each(TEMPLATE_NAMES)('%s', templateName => {
    const fields = formFields(templateInput(templateName).template);
    const form = completeForm(templateName, fields);
    let baseline: Record<string, string>;

    beforeAll(async () => {
      const res = await dryRun(server, templateName, form);
      if (res.status !== 200) {
        throw new Error(
          `the complete form answered ${res.status}: ${JSON.stringify(
            res.body,
          )}`,
        );
      }
      baseline = renderedFiles(res.body);
    }, 60_000);

    it('fills in every field of the form', () => {
      expect(
        fields
          .filter(f => typeof valueAt(form, f.path) !== 'string')
          .map(fieldLabel),
      ).toEqual([]);
    });

    it.each(fields.map(f => [fieldLabel(f), f] as const))(
      '%s: refuses each hostile input, naming the field, or keeps it inert',
      async (_, field) => {
        const valid = valueAt(form, field.path) as string;
        const problems: string[] = [];
        for (const hostile of HOSTILE_INPUTS) {
          for (const value of carriers(field, valid, hostile)) {
            const res: DryRunAnswer = await dryRun(
              server,
              templateName,
              withValueAt(form, field.path, value),
            );
            let found: string[];
            let outcome: string;
            if (res.status === 200) {
              outcome = 'rendered inert';
              found = inertnessProblems(
                baseline,
                renderedFiles({
                  directoryContents: res.body.directoryContents ?? [],
                }),
                hostile,
              );
            } else if (res.status === 400) {
              outcome = res.body.errors
                ? 'refused by the form'
                : 'refused by a step';
              found = refusalProblems(res, field);
            } else {
              outcome = `answered ${res.status}`;
              found = [outcome];
            }
            outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
            problems.push(...found.map(p => `${JSON.stringify(value)}: ${p}`));
          }
        }
        expect(problems).toEqual([]);
      },
      60_000,
    );
  });
});
