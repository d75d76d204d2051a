// What Moodle's player sends to its server, and what that server keeps.
//
// mod/scorm/request.js, DoRequest: every Commit, LMSCommit, LMSFinish and Terminate
// is one POST of `id=..&a=..&sesskey=..&attempt=..&scoid=..` followed by the fields
// StoreData collected, URL-encoded, by synchronous XHR while the page is visible; once
// the page is hidden or unloading it goes by navigator.sendBeacon instead, as FormData
// (a multipart body) with `unloading=1` appended, and counts as success whatever the
// server does. Chrome refuses a keepalive body once 64 KiB are already in flight.
// mod/scorm/datamodel.php then stores each `cmi*` field it receives, but PHP's
// max_input_vars (1,000 by default) silently drops every field after that many.

/** One POST as Moodle's player builds it: ordered (name, value) pairs, before encoding. */
export type Fields = [name: string, value: string][];

/** The parameters every post starts with (datamodelurlparams in scorm_12.js / scorm_13.js). */
export const REQUEST_PARAMS: Fields = [
  ['id', '7'],
  ['a', '3'],
  ['sesskey', 'Ab3dE6gH9j'],
  ['attempt', '1'],
  ['scoid', '12'],
];

/** Chrome's limit on keepalive bodies in flight at once (kKeepaliveInflightBytesQuota). */
export const KEEPALIVE_QUOTA = 64 * 1024;
/** PHP's default max_input_vars. */
export const PHP_MAX_INPUT_VARS = 1000;
/** Chrome's multipart boundary: "----WebKitFormBoundary" and 16 characters. */
const BOUNDARY = '----WebKitFormBoundaryAbCdEfGhIjKlMnOp';

/** The body of the synchronous XHR: application/x-www-form-urlencoded, as encodeURIComponent writes it. */
export function urlEncodedBody(fields: Fields): string {
  return fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** Bytes of the multipart body sendBeacon posts for these fields (Chrome's FormData encoding, line breaks as CRLF). */
export function beaconBytes(fields: Fields): number {
  const utf8 = (s: string) => new TextEncoder().encode(s).byteLength;
  let bytes = 0;
  for (const [name, value] of [...fields, ['unloading', '1'] as [string, string]]) {
    const escaped = name.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
    bytes += utf8(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${escaped}"\r\n\r\n`) + utf8(value.replace(/\r\n|\r|\n/g, '\r\n')) + 2;
  }
  return bytes + utf8(`--${BOUNDARY}--\r\n`);
}

/** One request the player made, as the measurements need it. */
export interface PostRecord {
  /** Which API call made it. */
  call: 'commit' | 'finish';
  /** Whether it went by beacon (page hidden or unloading). */
  beacon: boolean;
  /** Fields in the request, the five request parameters included. */
  fields: number;
  /** Names of the data model fields posted, in order (the request parameters left out). */
  names: string[];
  /** Bytes of the URL-encoded body. */
  bytes: number;
  /** Bytes of the multipart body, had it gone (or when it went) by beacon. */
  beaconBytes: number;
  /** Whether Moodle's player was told it succeeded. */
  accepted: boolean;
  /** Fields PHP dropped for max_input_vars. */
  dropped: string[];
}

/** What receives Moodle's posts: the in-process server in Node, a real one behind XHR and beacons in the browser. */
export interface Transport {
  /** Sends one post; answers as datamodel.php does ("true\n0" or "false\n101"). */
  post(call: 'commit' | 'finish', fields: Fields): string;
}

/** Sends one post, as StoreData does, and reads datamodel.php's answer: the result ("true"/"false") and the error code. */
export function storeData(transport: Transport, call: 'commit' | 'finish', fields: Fields): { result: string; code: string } {
  const [result, code] = transport.post(call, fields).split('\n');
  return { result: result ?? 'false', code: code ?? '0' };
}

/**
 * Moodle's side in one process: keeps the tracks, applies max_input_vars, and models
 * Chrome's keepalive quota for posts made while the page is unloading. Every post is
 * recorded for the budget checks.
 */
export class InProcessMoodle implements Transport {
  readonly tracks = new Map<string, string>();
  readonly posts: PostRecord[] = [];
  /** Set while the page is hidden or unloading: posts then go by beacon. */
  unloading = false;
  #inFlight = 0;

  constructor(readonly maxInputVars = PHP_MAX_INPUT_VARS) {}

  /** The page is shown again: beacons sent earlier have long arrived. */
  shown(): void {
    this.unloading = false;
    this.#inFlight = 0;
  }

  post(call: 'commit' | 'finish', fields: Fields): string {
    const all: Fields = [...REQUEST_PARAMS, ...fields];
    const record: PostRecord = {
      call,
      beacon: this.unloading,
      fields: all.length,
      names: fields.map(([k]) => k),
      bytes: urlEncodedBody(all).length,
      beaconBytes: beaconBytes(all),
      accepted: true,
      dropped: [],
    };
    this.posts.push(record);
    if (this.unloading) {
      // navigator.sendBeacon returns false past the quota, and DoRequest answers "false\n101".
      if (this.#inFlight + record.beaconBytes > KEEPALIVE_QUOTA) {
        record.accepted = false;
        return 'false\n101';
      }
      this.#inFlight += record.beaconBytes;
    }
    const kept = all.slice(0, this.maxInputVars);
    record.dropped = all.slice(this.maxInputVars).map(([k]) => k);
    storeTracks(this.tracks, kept);
    return 'true\n0';
  }
}

/**
 * datamodel.php: each `cmi*` field becomes a track, its name with `__` read back as `.`
 * and SCORM 1.2's `_3` index form as `.3` (the same rule in both datamodels).
 */
export function storeTracks(tracks: Map<string, string>, fields: Fields): void {
  for (const [name, value] of fields) {
    if (!name.startsWith('cmi')) continue;
    const element = name.replace(/__/g, '.').replace(/_(\d+)/g, '.$1');
    tracks.set(element, value);
  }
}
