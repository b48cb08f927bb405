/** The fields of a template's form, read from its `spec.parameters`. */

type Schema = {
  type?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  'ui:field'?: string;
  [key: string]: unknown;
};

/** A value the form sends: a parameter, an item of an array, or a property of an item. */
export interface FormField {
  /** Where the value sits in the form's values, e.g. `['consumedApis', 0, 'range']`. */
  path: Array<string | number>;
  schema: Schema;
}

/** `consumedApis[0].range` */
export function fieldLabel(field: FormField): string {
  return field.path
    .map((p, i) => {
      if (typeof p === 'number') return `[${p}]`;
      return i === 0 ? p : `.${p}`;
    })
    .join('');
}

function leaves(path: FormField['path'], schema: Schema): FormField[] {
  if (schema.type === 'array' && schema.items) {
    return leaves([...path, 0], schema.items);
  }
  if (schema.type === 'object' && schema.properties) {
    return Object.entries(schema.properties).flatMap(([key, s]) =>
      leaves([...path, key], s),
    );
  }
  return [{ path, schema }];
}

/**
 * Every value a template's form sends, down to the properties of array items. Throws for a page
 * whose fields are declared other than as `properties` (conditional fields), which this would
 * not see.
 */
export function formFields(template: {
  spec: { parameters: Array<Record<string, unknown>> };
}): FormField[] {
  return template.spec.parameters.flatMap(page => {
    const unknown = Object.keys(page).filter(
      k => !['title', 'description', 'required', 'properties'].includes(k),
    );
    if (unknown.length > 0) {
      throw new Error(
        `Parameter page "${page.title}" declares fields through ${unknown.join(
          ', ',
        )}; read them here too`,
      );
    }
    return Object.entries(page.properties as Record<string, Schema>).flatMap(
      ([name, schema]) => leaves([name], schema),
    );
  });
}

/** The value at `path` in the form's values. */
export function valueAt(values: unknown, path: FormField['path']): unknown {
  return path.reduce<unknown>(
    (v, key) => (v as Record<string | number, unknown> | undefined)?.[key],
    values,
  );
}

/** A copy of the form's values with `value` at `path`. */
export function withValueAt(
  values: Record<string, unknown>,
  path: FormField['path'],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(values);
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    target = target[key] as Record<string | number, unknown>;
  }
  target[path[path.length - 1]] = value;
  return copy;
}
