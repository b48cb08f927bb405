import { Box, Typography, makeStyles } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { ReleaseTrainPlan } from '@waybill/plugin-dependency-map-common';
import { DataTable } from '@waybill/plugin-waybill-react';
import { ReactNode } from 'react';
import { EntityRefLink } from '../shared/EntityRefLink';

const useStyles = makeStyles(theme => ({
  sequence: { margin: 0, paddingLeft: theme.spacing(3) },
}));

/** A titled section of the plan. */
function PlanSection(props: { title: string; children: ReactNode }) {
  return (
    <Box mt={2}>
      <Typography variant="subtitle1" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/** The changes in the order to release them, each with its version and stage. */
export function PlanSequence(props: {
  plan: ReleaseTrainPlan;
  titleOf(ref: string): string;
}) {
  const classes = useStyles();
  const { plan } = props;
  return (
    <PlanSection title="Safe sequence">
      <ol className={classes.sequence} aria-label="Safe sequence">
        {plan.sequence.map(ref => {
          const change = plan.changes.find(c => c.entityRef === ref);
          return (
            <li key={ref}>
              <EntityRefLink entityRef={ref} title={props.titleOf(ref)} />{' '}
              {change?.version}
              {change ? ` (stage ${change.stage + 1})` : ''}
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
