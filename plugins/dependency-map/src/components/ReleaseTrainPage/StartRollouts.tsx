import { Link } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { PlannedChange } from '@waybill/plugin-dependency-map-common';
import { tenantRolloutsCreatePermission } from '@waybill/plugin-tenant-rollouts-common';
import { ReactElement } from 'react';
import { PlanSection } from './PlanSections';
import type { RolloutOutcome, useRolloutRun } from './useRolloutRun';
import { useRolloutLink } from './useRolloutRun';

/** What was created, and the change that stopped the run, if one did. */
function RolloutOutcomes(props: { outcomes: RolloutOutcome[] }) {
  const rolloutLink = useRolloutLink();
  const { outcomes } = props;
  const created = outcomes.filter(o => o.status === 'created');
  const failed = outcomes.find(o => o.status === 'failed');
  if (outcomes.length === 0) return null;
  return (
    <Box mt={1}>
      {created.length > 0 && (
        <ul aria-label="Rollouts created">
          {created.map(o => (
            <li key={o.change.entityRef}>
              <Typography variant="body2" component="span">
                {o.change.title} {o.change.version}:{' '}
                {o.status === 'created' && (
                  <Link to={rolloutLink(o.id, o.change)} underline="always">
                    rollout {o.id}
                  </Link>
                )}
              </Typography>
            </li>
          ))}
        </ul>
      )}
      {failed?.status === 'failed' && (
        <Alert severity="error" aria-label="Rollout not created">
          The rollout of {failed.change.title} {failed.change.version} could not
          be created: {failed.message}. The run stopped there;{' '}
          {created.length === 0
            ? 'no rollout was created.'
            : `only the ${
                created.length === 1 ? 'rollout' : 'rollouts'
              } listed above ${
                created.length === 1 ? 'was' : 'were'
              } created.`}{' '}
          Starting again goes on from {failed.change.title}.
        </Alert>
      )}
    </Box>
  );
}

/** What the start section shows. */
interface StartRolloutsProps {
  targets: readonly PlannedChange[];
  blockers: string[];
  environment: string;
  run: ReturnType<typeof useRolloutRun>;
}

/** Whether the user may create rollouts, asked only where the tenant-rollouts plugin is. */
function WithCreatePermission(props: {
  children(permission: { loading: boolean; allowed: boolean }): ReactElement;
}) {
  const permission = usePermission({
    permission: tenantRolloutsCreatePermission,
  });
  return props.children(permission);
}

/**
 * "Start rollouts in order": one tenant rollout per planned release that tenants depend on, in the
 * plan's safe order, for the gate environment; enabled only when nothing stands in the way (every
 * reason why not is listed), and only for users allowed to create rollouts.
 */
export function StartRollouts(props: StartRolloutsProps) {
  if (!props.run.available) {
    // Nothing to ask permission for: the section says the plugin is missing.
    return (
      <StartRolloutsView
        {...props}
        permission={{ loading: false, allowed: true }}
      />
    );
  }
  return (
    <WithCreatePermission>
      {permission => <StartRolloutsView {...props} permission={permission} />}
    </WithCreatePermission>
  );
}

function StartRolloutsView(
  props: StartRolloutsProps & {
    permission: { loading: boolean; allowed: boolean };
  },
) {
  const { targets, blockers, environment, run, permission } = props;
  const createdAll =
    targets.length > 0 &&
    targets.every(t =>
      run.outcomes.some(
        o => o.status === 'created' && o.change.entityRef === t.entityRef,
      ),
    );
  const reasons = [
    ...(run.available
      ? []
      : [
          'The tenant-rollouts plugin is not installed in this portal: rollouts cannot be started from here.',
        ]),
    ...(!permission.loading && !permission.allowed
      ? [
          `You may not create rollouts (${tenantRolloutsCreatePermission.name}).`,
        ]
      : []),
    ...blockers,
  ];
  const disabled =
    reasons.length > 0 || permission.loading || run.running || createdAll;
  return (
    <PlanSection title="Rollouts">
      <Typography variant="body2">
        {targets.length === 0
          ? 'No change of this train serves tenants.'
          : `One rollout to ${environment} per release that tenants depend on, in the safe order: ${targets
              .map(t => `${t.title} ${t.version}`)
              .join(
                ', ',
              )}. Each is created planned: nothing is deployed until it is started on its board.`}
      </Typography>
      <Box mt={1}>
        <Button
          variant="contained"
          color="primary"
          disabled={disabled}
          onClick={() => run.start(targets)}
          aria-describedby={
            reasons.length > 0 ? 'release-train-start-blockers' : undefined
          }
        >
          {run.running ? 'Starting rollouts…' : 'Start rollouts in order'}
        </Button>
      </Box>
      {reasons.length > 0 && (
        <Box mt={1} id="release-train-start-blockers">
          <Typography variant="body2">Not yet: </Typography>
          <ul aria-label="Why the rollouts cannot start">
            {reasons.map(r => (
              <li key={r}>
                <Typography variant="body2">{r}</Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
      {createdAll && (
        <Typography variant="body2">
          Every rollout of the train was created.
        </Typography>
      )}
      <RolloutOutcomes outcomes={run.outcomes} />
    </PlanSection>
  );
}
