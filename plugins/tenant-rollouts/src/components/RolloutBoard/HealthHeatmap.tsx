import { InfoCard } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { alpha, makeStyles, useTheme } from '@material-ui/core/styles';

import { HeatCell } from '@waybill/plugin-tenant-rollouts-common';
import { HealthHeatmap as Heatmap } from './boardView';

const useStyles = makeStyles(theme => ({
  grid: { borderCollapse: 'separate', borderSpacing: 4, width: '100%' },
  cell: {
    padding: theme.spacing(1),
    borderRadius: 4,
    textAlign: 'center',
    cursor: 'pointer',
    border: `1px solid ${theme.palette.divider}`,
    background: 'none',
    width: '100%',
    color: theme.palette.text.primary,
    font: 'inherit',
  },
  selected: { outline: `2px solid ${theme.palette.primary.main}` },
}));

/** Region by tier, each cell coloured by its share of failures among settled tenants. */
export function HealthHeatmap(props: {
  heatmap: Heatmap;
  selected?: { region?: string; tier?: string };
  onSelect: (cell: HeatCell) => void;
}) {
  const classes = useStyles();
  const theme = useTheme();
  const { heatmap, selected } = props;
  const colour = (cell: HeatCell) => {
    const settled = cell.healthy + cell.failed;
    if (settled === 0) return theme.palette.action.hover;
    const failing = cell.failed / settled;
    return failing === 0
      ? alpha(theme.palette.status.ok, 0.35)
      : alpha(theme.palette.status.error, 0.2 + 0.6 * failing);
  };
  return (
    <InfoCard title="Health by region and tier">
      <table className={classes.grid} aria-label="Health by region and tier">
        <thead>
          <tr>
            <th />
            {heatmap.tiers.map(tier => (
              <th key={tier} scope="col">
                <Typography variant="caption">{tier}</Typography>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatmap.regions.map(region => (
            <tr key={region}>
              <th scope="row">
                <Typography variant="caption">{region}</Typography>
              </th>
              {heatmap.tiers.map(tier => {
                const cell = heatmap.cell(region, tier);
                if (!cell) return <td key={tier} />;
                const isSelected =
                  selected?.region === region && selected?.tier === tier;
                return (
                  <td key={tier}>
                    <button
                      type="button"
                      className={`${classes.cell} ${
                        isSelected ? classes.selected : ''
                      }`}
                      style={{ background: colour(cell) }}
                      aria-pressed={isSelected}
                      // The name holds what the cell shows (healthy/total, failing), in that order.
                      aria-label={`${region} ${tier}: healthy ${cell.healthy}/${cell.total}, ${cell.failed} failing, ${cell.unsettled} not settled`}
                      onClick={() => props.onSelect(cell)}
                    >
                      <Typography variant="body2">
                        {cell.healthy}/{cell.total}
                      </Typography>
                      {/* A space between, so the visible text reads "0/3 2 failing" as the name does. */}
                      {cell.failed > 0 && ' '}
                      {cell.failed > 0 && (
                        <Typography variant="caption">
                          {cell.failed} failing
                        </Typography>
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </InfoCard>
  );
}
