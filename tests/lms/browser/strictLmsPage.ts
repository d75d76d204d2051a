// The LMS side of a launch in real Chromium, bundled into the test LMS's player page.
//
// Moodle: the API objects of tests/lms/moodle over a transport that sends each post as
// mod/scorm/request.js does: synchronous XHR while the page is visible, and
// navigator.sendBeacon with FormData once it is hidden or unloading (its
// mod_scorm_monitorForBeaconRequirement listeners), or when the XHR throws; so Chrome
// applies its own keepalive quota. The test server stores what arrives as datamodel.php
// would, max_input_vars included.
//
// Open edX: the XBlock's API objects, created late as its jQuery ready callback does,
// posting each SetValue through the same kind of queue to `scorm_set_values`.

import { Moodle12 } from '../moodle/moodle12';
import { Moodle2004 } from '../moodle/moodle2004';
import type { Launch12 } from '../moodle/moodle12';
import type { Launch2004 } from '../moodle/moodle2004';
import { REQUEST_PARAMS, urlEncodedBody, type Fields, type Transport } from '../moodle/transport';
import { xblockApi } from '../openedx/xblock';

/** What the server puts in the page for one launch. */
export type LmsConfig =
  | { kind: 'moodle'; standard: 'scorm12'; launch: Launch12; src: string; postUrl: string }
  | { kind: 'moodle'; standard: 'scorm2004'; launch: Launch2004; src: string; postUrl: string }
  | { kind: 'xblock'; standard: 'scorm12' | 'scorm2004'; scormData: Record<string, string>; src: string; postUrl: string; apiDelayMs: number };

declare global {
  interface Window {
    lmsConfig: LmsConfig;
    API?: unknown;
    API_1484_11?: unknown;
  }
}

/** request.js's DoRequest, with its beacon flag kept by the same page events. */
class RequestJsTransport implements Transport {
  #useBeacon = false;

  constructor(private readonly url: string) {
    const on = () => (this.#useBeacon = true);
    for (const event of ['beforeunload', 'unload', 'pagehide']) window.addEventListener(event, on);
    window.addEventListener('pageshow', () => (this.#useBeacon = false));
    document.addEventListener('visibilitychange', () => (this.#useBeacon = document.visibilityState === 'hidden'));
  }

  post(_call: 'commit' | 'finish', fields: Fields): string {
    const all: Fields = [...REQUEST_PARAMS, ...fields];
    if (this.#useBeacon) return this.#beacon(all);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', this.url, false);
    xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
    try {
      xhr.send(urlEncodedBody(all));
    } catch {
      // As Moodle does: an XHR refused while the page goes away is sent once more as a beacon.
      return this.#beacon(all);
    }
    return xhr.status === 200 ? xhr.responseText : String(xhr.status);
  }

  #beacon(all: Fields): string {
    const form = new FormData();
    for (const [k, v] of all) form.append(k, v);
    form.append('unloading', '1');
    return navigator.sendBeacon(`${this.url}&api=beacon`, form) ? 'true\n0' : 'false\n101';
  }
}

/** The XBlock's queue: values go in order, one request at a time, each carrying what piled up. */
function xblockSink(url: string): (values: [string, string][]) => void {
  const queue: { name: string; value: string }[] = [];
  let busy = false;
  const next = () => {
    if (!queue.length) {
      busy = false;
      return;
    }
    busy = true;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.onloadend = next;
    xhr.send(JSON.stringify(queue.splice(0)));
  };
  return (values) => {
    for (const [name, value] of values) queue.push({ name, value });
    if (!busy) next();
  };
}

function launchFrame(src: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.id = 'sco';
  frame.title = 'Course content';
  frame.src = src;
  frame.style.cssText = 'width:100%;height:900px;border:0';
  document.body.append(frame);
  return frame;
}

const config = window.lmsConfig;
if (config.kind === 'moodle') {
  const transport = new RequestJsTransport(config.postUrl);
  if (config.standard === 'scorm12') window.API = new Moodle12(config.launch, transport);
  else window.API_1484_11 = new Moodle2004(config.launch, transport);
  launchFrame(config.src);
} else {
  // The block's iframe is in its HTML, so the SCO starts at once and the API comes later.
  // Here it comes `apiDelayMs` after the SCO's page has finished loading (its scripts
  // have run and looked for an API), so every launch meets a late API, however fast or
  // slow the machine running the test.
  const frame = launchFrame(config.src);
  const define = () => {
    const api = xblockApi(config.standard, config.scormData, xblockSink(config.postUrl));
    if (config.standard === 'scorm12') window.API = api;
    else window.API_1484_11 = api;
  };
  const wait = () => {
    if (frame.contentDocument?.readyState === 'complete' && frame.contentWindow?.location.href !== 'about:blank') setTimeout(define, config.apiDelayMs);
    else setTimeout(wait, 20);
  };
  wait();
}
