import { ToggleButton, ToggleButtonGroup } from '@material-ui/lab';
import { RANGE_DAYS, RangeDays } from './timeline';

/** The calendar's range: the next 30, 90 or 180 days. */
export function RangeToggle(props: {
  days: RangeDays;
  onChange: (days: RangeDays | null) => void;
}) {
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={props.days}
      onChange={(_, value) => props.onChange(value)}
      aria-label="Range"
    >
      {RANGE_DAYS.map(option => (
        <ToggleButton
          key={option}
          value={option}
          aria-label={`Next ${option} days`}
        >
          {option} days
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
