import { makeStyles } from '@material-ui/core';
import { LogoMark } from './LogoMark';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 28 },
  mark: { stroke: '#7df3e1' },
});

/** The sidebar's logo when it is closed: the mark alone. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 32 32"
      role="img"
      aria-label="Waybill"
    >
      <LogoMark className={classes.mark} />
    </svg>
  );
};
