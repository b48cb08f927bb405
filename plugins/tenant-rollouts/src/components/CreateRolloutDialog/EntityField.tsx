import { useApiHolder } from '@backstage/core-plugin-api';
import { CatalogApi, catalogApiRef } from '@backstage/plugin-catalog-react';
import { CircularProgress, ListItemText, TextField } from '@material-ui/core';
import { Autocomplete } from '@material-ui/lab';
import { useState } from 'react';
import { EntityOption } from './catalogSearch';
import { useEntitySearch } from './useEntitySearch';
import { reasonOf } from './useCreateRolloutForm';

const FIELD_ID = 'create-rollout-entity';

/** The picker's words under the field: the picked ref, a failure, or how to search. */
function searchHint(
  picked: EntityOption | null,
  search: ReturnType<typeof useEntitySearch>,
): string {
  if (picked) return picked.ref;
  if (search.error) {
    return `The catalog could not be searched (${reasonOf(
      search.error,
    )}); type again to retry`;
  }
  const { options = [], total } = search.value ?? {};
  if (total !== undefined && total > options.length) {
    return `The first ${options.length} of ${total} components shown; type a name or title to narrow them`;
  }
  return 'Components that tenants depend on; type a name or title to search';
}

/** The catalog's rollable components, searched as one types; shown by title, the ref beneath. */
function EntityPicker(props: {
  catalogApi: CatalogApi;
  onPick: (entityRef: string) => void;
}) {
  const [typed, setTyped] = useState('');
  const [picked, setPicked] = useState<EntityOption | null>(null);
  const search = useEntitySearch(props.catalogApi, typed);
  const found = search.value?.options ?? [];
  // The picked entity stays an option while other searches answer.
  const options =
    picked && !found.some(o => o.ref === picked.ref)
      ? [picked, ...found]
      : found;
  return (
    <Autocomplete<EntityOption>
      id={FIELD_ID}
      options={options}
      value={picked}
      onChange={(_, option) => {
        setPicked(option);
        props.onPick(option?.ref ?? '');
      }}
      onInputChange={(_, value, reason) => {
        // Picking fills the field with the title: that is no new search.
        if (reason !== 'reset') setTyped(value);
      }}
      getOptionLabel={option => option.title}
      getOptionSelected={(option, value) => option.ref === value.ref}
      // The catalog has filtered them already.
      filterOptions={all => all}
      loading={search.searching}
      loadingText="Searching the catalog…"
      noOptionsText={
        search.term
          ? `No component that tenants depend on matches “${search.term}”`
          : 'No component in the catalog has tenants depending on it'
      }
      renderOption={option => (
        <ListItemText primary={option.title} secondary={option.ref} />
      )}
      renderInput={params => (
        <TextField
          {...params}
          label="Entity"
          margin="normal"
          inputProps={{ ...params.inputProps, 'aria-required': true }}
          error={Boolean(search.error)}
          helperText={searchHint(picked, search)}
          InputProps={{
            ...params.InputProps,
            endAdornment: (
              <>
                {search.searching && (
                  <CircularProgress
                    color="inherit"
                    size={18}
                    aria-label="Searching the catalog"
                  />
                )}
                {params.InputProps.endAdornment}
              </>
            ),
          }}
        />
      )}
    />
  );
}

/**
 * The entity of a new rollout. Fixed (an entity's own tab): shown, not editable. Otherwise picked
 * from the catalog; without a catalog API in the app, its ref is typed.
 */
export function EntityField(props: {
  /** The entity's ref as typed, picked or fixed. */
  entityRef: string;
  fixed: boolean;
  /** Why the typed ref cannot be used. */
  problem?: string;
  onType: (text: string) => void;
  onPick: (entityRef: string) => void;
}) {
  const catalogApi = useApiHolder().get(catalogApiRef);
  if (catalogApi && !props.fixed) {
    return <EntityPicker catalogApi={catalogApi} onPick={props.onPick} />;
  }
  return (
    <TextField
      id={FIELD_ID}
      label="Entity"
      fullWidth
      margin="normal"
      value={props.entityRef}
      onChange={e => props.onType(e.target.value)}
      InputProps={{ readOnly: props.fixed }}
      inputProps={{ 'aria-required': true }}
      error={Boolean(props.problem)}
      helperText={
        props.problem ??
        (props.fixed
          ? 'The entity of this page'
          : 'The released component, for example component:default/sales')
      }
    />
  );
}
