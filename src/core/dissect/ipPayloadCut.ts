/**
 * Whether the IP layer of the current frame found fewer bytes than its length field
 * announces (snap length, or a short frame). TCP must not feed such a segment to stream
 * reassembly (tshark does not either). Kept as the frame number in the capture state, so
 * marking and asking allocate nothing.
 */
import { moduleState, type PacketContext } from './packetContext';

interface CutState {
  frame: number;
}

function cutState(ctx: PacketContext): CutState {
  return moduleState(ctx.state, 'ip.payloadCut', () => ({ frame: 0 }));
}

export function markIpPayloadCut(ctx: PacketContext): void {
  cutState(ctx).frame = ctx.meta.frame;
}

export function ipPayloadCut(ctx: PacketContext): boolean {
  return cutState(ctx).frame === ctx.meta.frame;
}
