// Trust-boundary kinds (DESIGN.md §4), each with a trust level: 0 is the least trusted.
import type { ZoneKindId } from './ids';

export interface ZoneKindDefinition {
  id: ZoneKindId;
  label: string;
  trust: number;
  icon: string;
  description: string;
}

export const ZONE_KINDS = {
  internet: { id: 'internet', label: 'Internet', trust: 0, icon: '🌍', description: 'Anyone can be here: the public internet.' },
  'third-party': { id: 'third-party', label: 'Third party', trust: 1, icon: '🤝', description: 'Infrastructure run by a vendor or partner.' },
  device: { id: 'device', label: 'User device', trust: 1, icon: '📱', description: 'Phones, laptops and edge devices in users\' hands.' },
  cloud: { id: 'cloud', label: 'Cloud account', trust: 2, icon: '☁️', description: 'Your own cloud account or VPC.' },
  corporate: { id: 'corporate', label: 'Corporate network', trust: 3, icon: '🏢', description: 'The company network and managed devices.' },
  restricted: { id: 'restricted', label: 'Restricted', trust: 4, icon: '🔒', description: 'A tightly controlled enclave for the most sensitive data and models.' },
} as const satisfies { [K in ZoneKindId]: ZoneKindDefinition & { id: K } };

export const LOWEST_TRUST = 0;

export function zoneTrust(kind: string): number | undefined {
  return Object.hasOwn(ZONE_KINDS, kind) ? ZONE_KINDS[kind as ZoneKindId].trust : undefined;
}
