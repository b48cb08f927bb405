import { RolloutView } from '@waybill/plugin-tenant-rollouts-common';
import { ActionDialog, ActionForm } from '@waybill/plugin-waybill-react';
import { EntityField } from './EntityField';
import { EnvironmentField } from './EnvironmentField';
import { ReleaseField } from './ReleaseField';
import { StrategyField } from './StrategyField';
import { useCreateRolloutForm } from './useCreateRolloutForm';

const DIALOG_ID = 'create-rollout';

/** The form itself: mounted while the dialog is open, so every opening starts afresh. */
function CreateRolloutForm(props: {
  onClose: () => void;
  onCreated: (view: RolloutView) => void;
  entityRef?: string;
}) {
  const form = useCreateRolloutForm(props);
  return (
    <ActionForm
      id={DIALOG_ID}
      title="New rollout"
      description={
        <>
          Plans the release over every tenant whose <code>spec.dependsOn</code>{' '}
          names the entity, in the strategy's waves. The rollout starts planned;
          nothing is deployed until it is started on its board.
        </>
      }
      submitLabel="Create rollout"
      canSubmit={form.complete}
      submitting={form.submitting}
      error={form.error}
      onSubmit={form.submit}
      onCancel={props.onClose}
    >
      <EntityField
        entityRef={form.entityRef}
        fixed={Boolean(props.entityRef)}
        problem={form.entityProblem}
        onType={form.setEntityRef}
        onPick={form.pickEntity}
      />
      <ReleaseField
        entityRef={form.ref}
        version={form.version}
        environment={form.environment}
        onChange={form.setVersion}
      />
      <EnvironmentField
        environment={form.environment}
        problem={form.environmentProblem}
        onChange={form.setEnvironment}
      />
      <StrategyField
        strategies={form.strategies}
        strategy={form.strategy}
        selected={form.selected}
        onChange={form.setChosenStrategy}
      />
    </ActionForm>
  );
}

/**
 * Plans a rollout of a release over the tenants that depend on an entity. With `entityRef` the
 * entity is fixed (an entity's tab); otherwise it is picked from the catalog. The release is
 * picked from the entity's scorecards, with its grade and gates, or typed. The backend's refusal
 * (e.g. no tenant depends on the entity) is shown in the dialog.
 */
export function CreateRolloutDialog(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (view: RolloutView) => void;
  entityRef?: string;
}) {
  return (
    <ActionDialog id={DIALOG_ID} open={props.open} onClose={props.onClose}>
      <CreateRolloutForm
        onClose={props.onClose}
        onCreated={props.onCreated}
        entityRef={props.entityRef}
      />
    </ActionDialog>
  );
}
