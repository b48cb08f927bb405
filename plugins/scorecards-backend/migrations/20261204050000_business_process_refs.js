/*
 * Business processes are stored as the Domain refs the dependency map resolves them to
 * (`domain:default/order-to-cash`), no longer as the lower-cased names of the annotation
 * (`order-to-cash`). Converts what is stored; entities still in the catalog are also refreshed
 * by the entity sync, but entities gone from it never are.
 */

/** `kind:namespace/name`, `kind:name`, `namespace/name` or `name`, into its parts. */
function partsOf(ref) {
  const colon = ref.indexOf(':');
  const kind = colon >= 0 ? ref.slice(0, colon) : undefined;
  const rest = colon >= 0 ? ref.slice(colon + 1) : ref;
  const slash = rest.indexOf('/');
  return {
    kind,
    namespace: slash >= 0 ? rest.slice(0, slash) : undefined,
    name: slash >= 0 ? rest.slice(slash + 1) : rest,
  };
}

/** The namespace of a stored entity ref. */
function namespaceOf(entityRef) {
  return partsOf(entityRef).namespace ?? 'default';
}

/** A stored name as a Domain ref, resolved in the entity's namespace. */
function toRef(entry, namespace) {
  const parts = partsOf(entry.trim().toLowerCase());
  if (!parts.name) return undefined;
  return `${parts.kind || 'domain'}:${parts.namespace || namespace}/${
    parts.name
  }`;
}

/** A stored ref back as the annotation would name it: its name in the entity's namespace. */
function toName(ref, namespace) {
  const parts = partsOf(ref);
  if (parts.kind === 'domain' && parts.namespace === namespace) {
    return parts.name;
  }
  return ref;
}

async function convert(knex, convertEntry) {
  const rows = await knex('scorecards_entities').select(
    'entity_ref',
    'business_processes',
  );
  for (const row of rows) {
    const namespace = namespaceOf(row.entity_ref);
    const entries = String(row.business_processes)
      .split(',')
      .filter(Boolean)
      .map(entry => convertEntry(entry, namespace))
      .filter(Boolean);
    const converted = `,${[...new Set(entries)].join(',')},`;
    if (converted !== row.business_processes) {
      await knex('scorecards_entities')
        .where({ entity_ref: row.entity_ref })
        .update({ business_processes: converted });
    }
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await convert(knex, toRef);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await convert(knex, toName);
};
