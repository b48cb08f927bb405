import {
  List,
  ListItem,
  ListItemIcon,
  Typography,
  makeStyles,
} from '@material-ui/core';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import HelpOutline from '@material-ui/icons/HelpOutline';
import { CheckResult } from '@waybill/plugin-scorecards-common';
import { FixHint } from './FixHint';
import { WrappingListItemText } from './WrappingListItemText';
import { readable } from '@waybill/plugin-waybill-react';

const useStyles = makeStyles(theme => ({
  fail: { color: readable(theme, theme.palette.error.main) },
  missing: { color: readable(theme, theme.palette.warning.main) },
  hint: { marginTop: theme.spacing(0.5) },
}));

/** Failing and missing checks, each with what was observed and how to fix it. */
export function CheckList(props: { checks: CheckResult[] }) {
  const classes = useStyles();
  return (
    <List dense aria-label="Failing and missing checks">
      {props.checks.map(check => (
        <ListItem key={check.id} alignItems="flex-start" disableGutters>
          <ListItemIcon>
            {check.status === 'fail' ? (
              <ErrorOutline className={classes.fail} aria-label="fails" />
            ) : (
              <HelpOutline className={classes.missing} aria-label="missing" />
            )}
          </ListItemIcon>
          <WrappingListItemText
            primary={`${check.title}${
              check.status === 'missing' ? ' (no evidence)' : ''
            }`}
            secondary={
              <>
                <Typography variant="body2" component="span" display="block">
                  {check.reason}
                </Typography>
                <Typography
                  variant="body2"
                  component="div"
                  className={classes.hint}
                >
                  <strong>Fix: </strong>
                  <FixHint hint={check.fixHint} />
                </Typography>
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
