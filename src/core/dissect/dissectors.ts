/**
 * Fills the dispatch tables once: the network layers (link, IP, UDP, TCP) and DNS.
 * The only file that knows every layer; layers themselves only know registry.ts.
 */
import { registerNetworkLayers } from './networkLayers';
import { registerDns } from '../dns/dnsRegistration';

let registered = false;

export function registerAllDissectors(): void {
  if (registered) return;
  registered = true;
  registerNetworkLayers();
  registerDns();
}
