import { makeStyles, useTheme } from '@material-ui/core';
import {
  GRADE_FLOORS,
  ReleaseSummary,
} from '@waybill/plugin-scorecards-common';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { left: 32, right: 12, top: 10, bottom: 24 };

const useStyles = makeStyles(theme => ({
  svg: { width: '100%', height: 'auto', display: 'block' },
  axis: { fill: theme.palette.text.secondary, fontSize: 11 },
}));

/** The grade floors, as dashed guides labelled with their grade. */
function GradeFloors(props: { y: (score: number) => number }) {
  const classes = useStyles();
  const theme = useTheme();
  const { y } = props;
  return (
    <>
      {GRADE_FLOORS.map(([grade, floor]) => (
        <g key={grade}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(floor)}
            y2={y(floor)}
            stroke={theme.palette.divider}
            strokeDasharray="4 4"
          />
          <text x={4} y={y(floor) + 4} className={classes.axis}>
            {grade} {floor}
          </text>
        </g>
      ))}
    </>
  );
}

/** One scored release's point; a click or Enter opens it. */
function ReleasePoint(props: {
  release: ReleaseSummary & { score: number };
  cx: number;
  cy: number;
  selected: boolean;
  onSelect: (version: string) => void;
}) {
  const theme = useTheme();
  const { release: r, selected, onSelect } = props;
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={`release ${r.version}: score ${r.score}, grade ${r.grade}`}
      onClick={() => onSelect(r.version)}
      onKeyDown={e => {
        if (e.key === 'Enter' || e.key === ' ') onSelect(r.version);
      }}
      style={{ cursor: 'pointer' }}
    >
      <title>{`${r.version}: ${r.score} (${r.grade})`}</title>
      <circle
        cx={props.cx}
        cy={props.cy}
        r={selected ? 6 : 4}
        fill={
          selected ? theme.palette.secondary.main : theme.palette.primary.main
        }
      />
    </g>
  );
}

/**
 * Score per release, oldest to newest, with the grade floors as guides. Releases without a
 * score (no evaluation yet) leave a gap. Clicking a point opens that release.
 */
export function ScoreTrendChart(props: {
  releases: ReleaseSummary[];
  selected?: string;
  onSelect: (version: string) => void;
}) {
  const classes = useStyles();
  const theme = useTheme();
  const releases = [...props.releases].reverse();
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left +
    (releases.length === 1 ? innerW / 2 : (i * innerW) / (releases.length - 1));
  const y = (score: number) => PAD.top + innerH - (score / 100) * innerH;
  const points = releases
    .map((r, i) => (r.score === null ? null : `${x(i)},${y(r.score)}`))
    .filter(Boolean)
    .join(' ');
  const labelEvery = Math.max(1, Math.ceil(releases.length / 8));
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className={classes.svg}
      role="group"
      aria-label={`Score trend over ${releases.length} releases`}
    >
      <GradeFloors y={y} />
      <polyline
        points={points}
        fill="none"
        stroke={theme.palette.primary.main}
        strokeWidth={2}
      />
      {releases.map((r, i) =>
        r.score === null ? null : (
          <ReleasePoint
            key={r.version}
            release={{ ...r, score: r.score }}
            cx={x(i)}
            cy={y(r.score)}
            selected={r.version === props.selected}
            onSelect={props.onSelect}
          />
        ),
      )}
      {releases.map((r, i) =>
        i % labelEvery === 0 || i === releases.length - 1 ? (
          <text
            key={`label-${r.version}`}
            x={x(i)}
            y={HEIGHT - 6}
            textAnchor="middle"
            className={classes.axis}
          >
            {r.version}
          </text>
        ) : null,
      )}
    </svg>
  );
}
