// Proposals as GeoJSON: as plans for the coverage engine (flagged `proposal: true`, under ids no
// register uses) and as the features of the proposals map layer. Pure.
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { polygonCoordsArea } from '../geo/area';
import { PROPOSAL_FLAG, PROPOSAL_ID_PREFIX, type Proposal } from './types';

export interface ProposalProperties {
  id: string;
  name: string;
  level: Proposal['level'];
  status: Proposal['status'];
  proposal: true;
  /** Said in every copy: a user's proposal, not an official or demonstration plan. */
  provenance: 'proposal';
  area_ha: number;
  created: string;
  updated: string;
}

export const areaHa = (p: Proposal): number => polygonCoordsArea(p.geometry.coordinates) / 10_000;

/** The proposal as a plan of the register the engine counts. */
export function proposalPlan(p: Proposal): Feature<Polygon> {
  const id = PROPOSAL_ID_PREFIX + p.id;
  return { type: 'Feature', id, properties: { id, name: p.name, level: p.level, status: p.status, [PROPOSAL_FLAG]: true }, geometry: p.geometry };
}

/** The proposal as the map, the feature card and the exported files show it. */
export function proposalFeature(p: Proposal): Feature<Polygon, ProposalProperties> {
  return {
    type: 'Feature',
    id: p.id,
    properties: {
      id: p.id, name: p.name, level: p.level, status: p.status, proposal: true, provenance: 'proposal',
      area_ha: Math.round(areaHa(p) * 10_000) / 10_000, created: p.createdAt, updated: p.updatedAt,
    },
    geometry: p.geometry,
  };
}

export function proposalCollection(list: readonly Proposal[]): FeatureCollection<Polygon, ProposalProperties> {
  return { type: 'FeatureCollection', features: list.map(proposalFeature) };
}

/** "Đề xuất 3": the next free number after those the names already use. */
export function nextNumber(list: readonly Proposal[], word: string): number {
  let max = 0;
  const re = new RegExp(`^${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)$`);
  for (const p of list) {
    const m = re.exec(p.name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return Math.max(max, list.length) + 1;
}
