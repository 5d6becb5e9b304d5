/**
 * What the transaction matcher says about one DNS message: the generated fields tshark's
 * second pass (`tshark -2`) adds to its tree — dns.response_in, dns.response_to, dns.time,
 * dns.retransmission, dns.retransmit_request_in, dns.retransmit_response_in and
 * dns.unsolicited. Plain data; transactionFields.ts turns it into tree items.
 */
export interface DnsMessageAnnotation {
  /** Query: the frame of its response (dns.response_in). Filled in when the response arrives. */
  responseIn?: number;
  /** Response: the frame of the query it answers (dns.response_to). */
  responseTo?: number;
  /** Response: nanoseconds since the transaction's FIRST query (dns.time; tshark measures from there). */
  timeNs?: bigint;
  /** A retransmitted query or response (dns.retransmission). */
  retransmission?: boolean;
  /** Retransmitted query: the frame of the original (dns.retransmit_request_in). */
  retransmitRequestIn?: number;
  /** Retransmitted response: the frame of the first response (dns.retransmit_response_in). */
  retransmitResponseIn?: number;
  /** A response no query was waiting for (dns.unsolicited). */
  unsolicited?: boolean;
}
