import {
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  makeStyles,
} from '@material-ui/core';

const useStyles = makeStyles({
  select: { minWidth: 160, maxWidth: 260 },
});

/** A labelled select of several options, e.g. the kinds a view shows. */
export function MultiSelect(props: {
  label: string;
  options: string[];
  value: string[];
  onChange(value: string[]): void;
}) {
  const classes = useStyles();
  const id = `dependency-map-${props.label.toLowerCase()}`;
  return (
    <FormControl className={classes.select} size="small">
      <InputLabel id={`${id}-label`}>{props.label}</InputLabel>
      <Select
        labelId={`${id}-label`}
        id={id}
        multiple
        value={props.value}
        onChange={e => props.onChange(e.target.value as string[])}
        renderValue={selected => (selected as string[]).join(', ')}
      >
        {props.options.map(option => (
          <MenuItem key={option} value={option}>
            {option}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
