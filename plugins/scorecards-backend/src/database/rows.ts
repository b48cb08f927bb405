import {
  EvidenceFacts,
  ReleaseEvidence,
} from '@waybill/plugin-scorecards-common';
import { toIso } from '@waybill/plugin-waybill-node';
import { GateOverride, StoredEvidence } from './types';

/** A row of `scorecards_evidence`. */
export interface EvidenceRow {
  id: number;
  release_id: number;
  kind: string;
  format: string;
  digest: string;
  size_bytes: number;
  facts: string;
  environment: string | null;
  uploaded_by: string;
  uploaded_at: Date | string;
}

export function toStoredEvidence(row: EvidenceRow): StoredEvidence {
  return {
    id: row.id,
    kind: row.kind as StoredEvidence['kind'],
    format: row.format as StoredEvidence['format'],
    digest: row.digest,
    sizeBytes: row.size_bytes,
    environment: row.environment,
    uploadedBy: row.uploaded_by,
    uploadedAt: toIso(row.uploaded_at),
    facts: JSON.parse(row.facts) as EvidenceFacts,
  };
}

/** The current evidence per kind: the latest upload of each kind (ids only grow). */
export function currentEvidence(rows: EvidenceRow[]): EvidenceRow[] {
  const latest = new Map<string, EvidenceRow>();
  for (const row of rows) {
    const seen = latest.get(row.kind);
    if (!seen || row.id > seen.id) latest.set(row.kind, row);
  }
  return [...latest.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

/** What a release is evaluated on: the current facts of each kind. */
export function releaseEvidenceOf(rows: EvidenceRow[]): ReleaseEvidence {
  const evidence: Record<string, EvidenceFacts> = {};
  for (const row of currentEvidence(rows)) {
    evidence[row.kind] = JSON.parse(row.facts);
  }
  return evidence as ReleaseEvidence;
}

export function toOverride(row: any): GateOverride {
  return {
    id: row.id,
    environment: row.environment,
    reason: row.reason,
    actor: row.actor,
    createdAt: toIso(row.created_at),
    expiresAt: toIso(row.expires_at),
    revokedAt: row.revoked_at ? toIso(row.revoked_at) : null,
    revokedBy: row.revoked_by ?? null,
    revokeReason: row.revoke_reason ?? null,
  };
}

/** knex's `returning('id')` gives `{ id }` on PostgreSQL and SQLite alike, or a bare id on older drivers. */
export function idOf(row: { id: number } | number): number {
  return typeof row === 'object' ? row.id : row;
}
