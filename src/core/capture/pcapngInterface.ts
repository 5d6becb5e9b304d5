/**
 * A pcapng Interface Description Block as the packet blocks need it: link type, snap
 * length and the timestamp conversion (if_tsresol, if_tsoffset) to nanoseconds.
 */

export interface PcapngInterface {
  linkType: number;
  /** 0 = no limit. */
  snapLength: number;
  /** ns = ts * tsMul / tsDiv + tsOffsetNs (tsDiv 1n skips the division). */
  tsMul: bigint;
  tsDiv: bigint;
  tsOffsetNs: bigint;
}

const OPT_ENDOFOPT = 0;
const OPT_IF_TSRESOL = 9;
const OPT_IF_TSOFFSET = 14;
const NS_PER_S = 1_000_000_000n;

/**
 * Units per second for an if_tsresol byte: MSB clear = 10^-n, set = 2^-n. Exponents
 * Wireshark cannot represent in 64 bits (10^20 and up, 2^64 and up) become 2^64 - 1
 * as in Wireshark's pcapng.c.
 */
export function unitsPerSecond(tsresol: number): bigint {
  const exponent = BigInt(tsresol & 0x7f);
  if (tsresol & 0x80) return exponent < 64n ? 1n << exponent : (1n << 64n) - 1n;
  return exponent < 20n ? 10n ** exponent : (1n << 64n) - 1n;
}

/** Reads an IDB body (after type and length, before the trailing length). */
export function readInterface(
  view: DataView,
  start: number,
  end: number,
  le: boolean,
): PcapngInterface {
  const iface: PcapngInterface = {
    linkType: view.getUint16(start, le),
    snapLength: view.getUint32(start + 4, le),
    tsMul: 1000n,
    tsDiv: 1n,
    tsOffsetNs: 0n,
  };
  let units = 1_000_000n;
  let p = start + 8;
  while (p + 4 <= end) {
    const code = view.getUint16(p, le);
    const length = view.getUint16(p + 2, le);
    const value = p + 4;
    if (code === OPT_ENDOFOPT || value + length > end) break;
    if (code === OPT_IF_TSRESOL && length === 1) units = unitsPerSecond(view.getUint8(value));
    else if (code === OPT_IF_TSOFFSET && length === 8) {
      iface.tsOffsetNs = view.getBigInt64(value, le) * NS_PER_S;
    }
    p = value + ((length + 3) & ~3);
  }
  if (units <= NS_PER_S && NS_PER_S % units === 0n) {
    iface.tsMul = NS_PER_S / units;
  } else {
    iface.tsMul = NS_PER_S;
    iface.tsDiv = units;
  }
  return iface;
}

/** A packet block's 64-bit timestamp (high and low words) in nanoseconds since the epoch. */
export function timestampNs(iface: PcapngInterface, high: number, low: number): bigint {
  // Below 2^53 the number arithmetic is exact and saves two bigint allocations.
  const ts =
    high < 0x200000 ? BigInt(high * 4294967296 + low) : (BigInt(high) << 32n) | BigInt(low);
  const scaled = iface.tsDiv === 1n ? ts * iface.tsMul : (ts * iface.tsMul) / iface.tsDiv;
  return iface.tsOffsetNs === 0n ? scaled : scaled + iface.tsOffsetNs;
}
