import { Link } from '@backstage/core-components';
import { Box, Typography, makeStyles } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { ReleaseTrainPlan } from '@waybill/plugin-dependency-map-common';
import { DataTable } from '@waybill/plugin-waybill-react';
import { ReactNode } from 'react';
import { useEntityPath } from '../shared/entityLinks';
import { GateBadge } from './GateBadge';
import type { GateReading } from './trainGates';

const useStyles = makeStyles(theme => ({
  sequence: { margin: 0, paddingLeft: theme.spacing(3) },
  step: { marginBottom: theme.spacing(0.5) },
}));

/** A titled section of the plan. */
export function PlanSection(props: { title: string; children: ReactNode }) {
  return (
    <Box mt={2}>
      <Typography variant="subtitle1" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/**
 * The changes in the order to release them, each with its version and stage and, for releases,
 * its gate for the environment with a link to its scorecard. Links are underlined: they sit in a
 * line of text, where colour alone would not tell them apart.
 */
export function PlanSequence(props: {
  plan: ReleaseTrainPlan;
  titleOf(ref: string): string;
  environment: string;
  /** The gates by entity ref, while or once they are read; absent when they cannot be. */
  gates?: { readings?: ReadonlyMap<string, GateReading> };
}) {
  const classes = useStyles();
  const entityPath = useEntityPath();
  const { plan, gates, environment } = props;
  return (
    <PlanSection title="Safe sequence">
      <ol className={classes.sequence} aria-label="Safe sequence">
        {plan.sequence.map(ref => {
          const change = plan.changes.find(c => c.entityRef === ref);
          return (
            <li key={ref} className={classes.step}>
              <Link to={entityPath(ref)} underline="always">
                {props.titleOf(ref)}
              </Link>{' '}
              {change?.version}
              {change ? ` (stage ${change.stage + 1})` : ''}
              {change && gates && (
                <>
                  {' — '}
                  {change.kind === 'api' ? (
                    'an API version: it goes live with its providers, on their gates'
                  ) : (
                    <GateBadge
                      change={change}
                      environment={environment}
                      reading={gates.readings?.get(ref)}
                    />
                  )}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </PlanSection>
  );
}

/** The stages, each with its changes and what goes live with them. */
export function PlanStages(props: { plan: ReleaseTrainPlan }) {
  return (
    <PlanSection title="Deploy stages">
      <DataTable
        aria-label="Deploy stages"
        rows={props.plan.stages}
        rowKey={stage => stage.index}
        columns={[
          { header: 'Stage', cell: stage => stage.index + 1 },
          {
            header: 'Changes',
            cell: stage =>
              stage.changes
                .map(
                  c =>
                    `${c.title} ${c.version}${
                      c.ridesWith?.length
                        ? ` (goes live with ${c.ridesWith.join(', ')})`
                        : ''
                    }`,
                )
                .join('; '),
          },
        ]}
      />
    </PlanSection>
  );
}

const none = <Typography variant="body2">None.</Typography>;

/** What stands in the way: cycles, unmet API requirements and consumers that must wait. */
export function PlanProblems(props: {
  plan: ReleaseTrainPlan;
  titleOf(ref: string): string;
}) {
  const { plan, titleOf } = props;
  return (
    <>
      <PlanSection title="Blockers">
        {plan.blockers.length === 0
          ? none
          : plan.blockers.map((b, i) => (
              <Alert key={i} severity="error">
                {b.entityRefs.map(titleOf).join(' ⇄ ')}: {b.message}
              </Alert>
            ))}
      </PlanSection>
      <PlanSection title="Incompatibilities">
        {plan.incompatibilities.length === 0
          ? none
          : plan.incompatibilities.map((c, i) => (
              <Alert key={i} severity="error">
                {c.consumer} needs {c.api} {c.range}: {c.message}
              </Alert>
            ))}
      </PlanSection>
      <PlanSection title="Consumers that must wait">
        {plan.prematureConsumers.length === 0 ? (
          none
        ) : (
          <ul aria-label="Consumers that must wait">
            {plan.prematureConsumers.map((p, i) => (
              <li key={i}>
                <Typography variant="body2">{p.message}</Typography>
              </li>
            ))}
          </ul>
        )}
      </PlanSection>
    </>
  );
}

/** The changes that could not be planned, each with its position in the list and why. */
export function PlanRejected(props: { plan: ReleaseTrainPlan }) {
  const { rejected } = props.plan;
  if (rejected.length === 0) return null;
  return (
    <Box mt={2}>
      <Alert severity="warning" aria-label="Changes not planned">
        {rejected.length === 1
          ? 'One change could not be planned; the plan below is of the others.'
          : `${rejected.length} changes could not be planned; the plan below is of the others.`}
        <ul>
          {rejected.map(r => (
            <li key={r.index}>
              Change {r.index + 1} ({r.entityRef} {r.version}): {r.message}
            </li>
          ))}
        </ul>
      </Alert>
    </Box>
  );
}
