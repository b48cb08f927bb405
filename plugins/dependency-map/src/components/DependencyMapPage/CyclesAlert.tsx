import { Box } from '@material-ui/core';
import { Alert } from '@material-ui/lab';

/** The dependency cycles touching the view, each named by its members' titles. */
export function CyclesAlert(props: {
  cycles: string[][];
  /** The refs drawn in the view. */
  shown: Set<string>;
  titleOf(ref: string): string;
}) {
  const { cycles, shown, titleOf } = props;
  return (
    <Box mb={2}>
      <Alert severity="warning" aria-label="Dependency cycles">
        {cycles.map(members => (
          <div key={members.join(' ')}>
            Cycle: {members.map(titleOf).join(' ⇄ ')}. They cannot be deployed
            in order; break the cycle or release them together.
            {members.some(ref => !shown.has(ref))
              ? ' Part of it is outside this view.'
              : ''}
          </div>
        ))}
      </Alert>
    </Box>
  );
}
