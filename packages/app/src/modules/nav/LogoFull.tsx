import { makeStyles } from '@material-ui/core';
import { LogoMark } from './LogoMark';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 30 },
  mark: { stroke: '#7df3e1' },
  text: { fill: '#ffffff', fontSize: 22, fontWeight: 700, letterSpacing: 0.5 },
});

/**
 * The sidebar's logo when it is open: the mark and the name, with room for the name in wide
 * bold fonts (DejaVu Sans Bold needs about 95 units after the mark).
 */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 150 32"
      role="img"
      aria-label="Waybill"
    >
      <LogoMark className={classes.mark} />
      <text x="38" y="24" className={classes.text}>
        Waybill
      </text>
    </svg>
  );
};
