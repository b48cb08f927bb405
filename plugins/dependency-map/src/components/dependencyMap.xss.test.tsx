/*
 * Every free-text value the dependency map shows, from the catalog (entity titles, types,
 * owners, business process titles, descriptions and criticality, tenant labels) and what the
 * backend derives from them (impact, deploy order, release-train messages), holding markup and
 * script: shown as written, in the SVG graph and its lanes too, never run.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DependencyGraph,
  analyzeImpact,
  businessProcessGraph,
  dependencyNeighbourhood,
  planReleaseTrain,
} from '@waybill/plugin-dependency-map-common';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { demoGraph } from '@waybill/plugin-dependency-map-common/testUtils';
import { demoHandlers } from '../__testUtils__/demoBackend';
import {
  HOSTILE_MARKUP_ROWS,
  HostileMarkup,
  expectInertMarkup,
} from '@waybill/frontend-test-utils';
import { pasteChanges } from '../__testUtils__/releaseTrain';
import { inventoryEntity, renderDependencyMap } from '../__testUtils__/render';
import { DependencyMapPage } from './DependencyMapPage';
import { EntityDependenciesContent } from './EntityDependenciesContent';
import { ReleaseTrainPage } from './ReleaseTrainPage';

const server = setupServer();
registerMswTestHooks(server);

const INVENTORY = 'component:default/inventory';
const ORDER_TO_CASH = 'domain:default/order-to-cash';

/** The demo estate with every title, component type, owner, process text and tenant label set to `markup`. */
function hostileGraph(markup: HostileMarkup): DependencyGraph {
  const graph = demoGraph();
  return {
    ...graph,
    nodes: graph.nodes.map(n => ({
      ...n,
      title: markup(`title of ${n.ref}`),
      type:
        n.kind === 'component' && n.type ? markup(`type ${n.type}`) : n.type,
      owner: n.owner && markup('owner'),
      tenant: n.tenant && {
        ...n.tenant,
        segment: markup('segment'),
        region: markup('region'),
        tier: markup('tier'),
      },
    })),
    processes: graph.processes.map(p => ({
      ...p,
      title: markup(`title of ${p.ref}`),
      description: markup(`description of ${p.ref}`),
      criticality: markup(`criticality of ${p.ref}`),
    })),
  };
}

/** Answers like the backend over `graph`. */
const serve = (graph: DependencyGraph) =>
  server.use(...demoHandlers([], graph));

describe.each(HOSTILE_MARKUP_ROWS)(
  'markup in free-text fields: %s',
  (_, markup) => {
    afterEach(() => {
      delete (window as { __xss?: unknown }).__xss;
    });

    it('the map shows it as text: nodes, lanes, cycles, stages, legend, the selected node and the filters', async () => {
      const graph = hostileGraph(markup);
      serve(graph);
      const search = markup('search');
      await renderDependencyMap(<DependencyMapPage />, {
        routeEntries: [
          `/?${new URLSearchParams({ process: 'order-to-cash', q: search })}`,
        ],
      });
      const drawn = await screen.findByRole('group', {
        name: /Dependency graph of \d+ entities/,
      });
      expect(screen.getByLabelText('Search')).toHaveValue(search);
      const view = businessProcessGraph(graph, ORDER_TO_CASH, {
        maxNodes: 5000,
      });
      const inventory = view.nodes.find(n => n.ref === INVENTORY)!;
      // Its long hostile title is drawn cut short: the name holds it whole after the drawn label.
      fireEvent.click(
        within(drawn).getByRole('button', {
          name: name =>
            name.startsWith(`${inventory.title} (${inventory.type})`) ||
            name.includes(`(${inventory.title}, ${inventory.type})`),
        }),
      );
      expect(
        await screen.findByRole('heading', {
          name: `${inventory.title} (${inventory.type})`,
        }),
      ).toBeInTheDocument();
      await screen.findByRole('table', { name: 'Deploy stages' });

      fireEvent.mouseDown(screen.getByLabelText('Business process'));
      const processes = await screen.findByRole('listbox');
      for (const p of graph.processes) {
        expect(processes).toHaveTextContent(p.title);
      }
      await userEvent.keyboard('{Escape}');
      fireEvent.mouseDown(screen.getByLabelText('Owner'));
      expect(await screen.findByRole('listbox')).toHaveTextContent(
        markup('owner'),
      );
      expectInertMarkup([
        ...view.nodes.map(n => n.title),
        ...view.nodes.flatMap(n => (n.type ? [n.type] : [])),
        graph.processes.find(p => p.ref === ORDER_TO_CASH)!.title,
        markup('owner'),
      ]);
    });

    it("the entity's dependencies tab shows it as text: neighbours, blast radius and deploy order", async () => {
      const graph = hostileGraph(markup);
      serve(graph);
      const entity = {
        ...inventoryEntity,
        metadata: { ...inventoryEntity.metadata, title: markup('entity') },
      };
      await renderDependencyMap(<EntityDependenciesContent />, { entity });
      expect(
        await screen.findByLabelText('Blast radius summary'),
      ).toHaveTextContent(`Changing ${markup('entity')} affects`);
      // The tenants it serves, listed after its consumers once asked for.
      fireEvent.click(screen.getByRole('button', { name: 'and 44 tenants' }));
      const impact = analyzeImpact(graph, INVENTORY);
      // Direct neighbours, over every relation but being part of a system.
      const neighbours = (direction: 'upstream' | 'downstream') => {
        const around = dependencyNeighbourhood(graph, {
          entityRef: INVENTORY,
          depth: 1,
          direction,
          maxNodes: 500,
        });
        const refs = new Set(
          around.edges
            .filter(e => e.type !== 'partOf')
            .flatMap(e => [e.source, e.target]),
        );
        return around.nodes.filter(n => n.ref !== INVENTORY && refs.has(n.ref));
      };
      expectInertMarkup([
        markup('entity'),
        ...neighbours('upstream').map(n => n.title),
        ...neighbours('downstream').map(n => n.title),
        ...impact.businessProcesses.flatMap(p => [p.title, p.criticality!]),
        ...impact.affected.slice(0, 20).map(a => a.title),
        ...impact.tenants
          .slice(0, 20)
          .flatMap(t => [t.title, t.labels.segment!, t.labels.region!]),
      ]);
    });

    it('the release-train planner shows it as text: entities to pick, sequence, stages and messages', async () => {
      const graph = hostileGraph(markup);
      serve(graph);
      await renderDependencyMap(<ReleaseTrainPage />);
      await pasteChanges([
        'customer-portal 5.0.0',
        'api:pricing-api 3.0.0',
        'pricing-api 3.0.0',
      ]);
      await userEvent.click(
        screen.getByRole('button', { name: 'Plan release train' }),
      );
      await screen.findByRole('list', { name: 'Safe sequence' });
      const plan = planReleaseTrain(graph, [
        { entityRef: 'customer-portal', version: '5.0.0' },
        { entityRef: 'api:pricing-api', version: '3.0.0' },
        { entityRef: 'pricing-api', version: '3.0.0' },
      ]);
      expect(plan.prematureConsumers.length).toBeGreaterThan(0);
      expectInertMarkup([
        ...plan.changes.map(c => c.title),
        ...plan.prematureConsumers.map(p => p.message),
        ...plan.blockers.map(b => b.message),
        ...plan.incompatibilities.map(i => i.message),
        // The entities to pick from, as the datalist's options.
        ...graph.nodes
          .filter(n => n.kind === 'component' && n.type)
          .map(n => n.title),
      ]);
    });
  },
);
