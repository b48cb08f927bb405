import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import {
  DependencyFacts,
  StoredEvidence,
} from '@waybill/plugin-scorecards-common';
import { releaseEvidence } from '../../__testUtils__/fixtures';
import { EvidenceSummary } from './EvidenceSummary';

/** The release's dependency evidence as stored, its facts changed by `change`. */
function dependencies(
  change: (facts: DependencyFacts) => DependencyFacts = f => f,
): StoredEvidence[] {
  const facts = change(
    releaseEvidence({ criticalVulnerabilities: 1 }).dependencies,
  );
  return [
    {
      id: 1,
      kind: 'dependencies',
      format: 'cyclonedx',
      digest: '0'.repeat(64),
      sizeBytes: 2048,
      environment: null,
      uploadedBy: 'ci-pipelines',
      uploadedAt: '2026-11-20T09:31:00.000Z',
      facts,
    },
  ];
}

const texts = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map(item => item.textContent);

describe('EvidenceSummary of an SBOM', () => {
  it('says what the release adds and removes since the previous one', async () => {
    await renderInTestApp(<EvidenceSummary evidence={dependencies()} />);
    expect(
      screen.getByText(
        'Since 5.1.0: 1 component added, 1 removed; vulnerabilities introduced: 1 critical; fixed: none',
      ),
    ).toBeInTheDocument();
    expect(
      texts(
        screen.getByRole('list', {
          name: 'Vulnerabilities introduced since 5.1.0',
        }),
      ),
    ).toEqual(['CVE-2026-41234 (critical)']);
    expect(
      texts(screen.getByRole('list', { name: 'Components added since 5.1.0' })),
    ).toEqual(['pkg:npm/fast-xml-parser@4.2.4']);
    expect(
      texts(
        screen.getByRole('list', { name: 'Components removed since 5.1.0' }),
      ),
    ).toEqual(['pkg:npm/fast-xml-parser@4.2.0']);
    // Nothing was fixed, so there is no list of it.
    expect(
      screen.queryByRole('list', { name: 'Vulnerabilities fixed since 5.1.0' }),
    ).not.toBeInTheDocument();
  });

  it('lists 20 entries of a long list, then how many more', async () => {
    const added = Array.from(
      { length: 25 },
      (_, i) => `pkg:npm/lib-${String(i).padStart(2, '0')}@1.0.0`,
    );
    const fixed = [
      { id: 'CVE-2025-1111', severity: 'high' as const },
      { id: 'CVE-2025-2222', severity: 'medium' as const },
    ];
    await renderInTestApp(
      <EvidenceSummary
        evidence={dependencies(facts => ({
          ...facts,
          diff: {
            ...facts.diff!,
            addedComponents: added,
            fixedVulnerabilities: fixed,
          },
        }))}
      />,
    );
    expect(
      screen.getByText(/^Since 5.1.0: 25 components added, 1 removed;/),
    ).toHaveTextContent('fixed: 1 high, 1 medium');
    const listed = texts(
      screen.getByRole('list', { name: 'Components added since 5.1.0' }),
    );
    expect(listed).toHaveLength(21);
    expect(listed.slice(0, 20)).toEqual(added.slice(0, 20));
    expect(listed[20]).toBe('and 5 more');
    expect(
      texts(
        screen.getByRole('list', { name: 'Vulnerabilities fixed since 5.1.0' }),
      ),
    ).toEqual(['CVE-2025-1111 (high)', 'CVE-2025-2222 (medium)']);
  });

  it('says nothing of a diff when there is no earlier release to compare with', async () => {
    await renderInTestApp(
      <EvidenceSummary
        evidence={dependencies(facts => ({ ...facts, diff: null }))}
      />,
    );
    expect(
      screen.getByText(/^412 components \(CycloneDX 1.6\)/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Since /)).not.toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Worst vulnerabilities' }),
    ).toBeInTheDocument();
  });
});
