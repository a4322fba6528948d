// The KPI change stream (server-sent events). EventSource cannot send an Authorization header, so the stream is
// read with fetch() and parsed here; a dropped or refused connection is tried again with growing pauses.

import { AuthError, authHeaders } from './api.js';

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30000;

/** Calls `onEvent(name, data)` for each complete event in `text`; answers the unfinished rest. */
function dispatch(text, onEvent) {
  const blocks = text.split(/\r?\n\r?\n/);
  const rest = blocks.pop();
  for (const block of blocks) {
    let name = 'message';
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) {
        name = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
    }
    if (data.length) {
      onEvent(name, data.join('\n'));
    }
  }
  return rest;
}

/**
 * Follows `v1/kpis/stream` until `stop()` is called. `onRevision(n)` runs once on connect and after each change
 * of the tenant's KPIs; `onState('live' | 'reconnecting')` tells the page whether it is up to date; `onAuthError`
 * ends the stream when the token is refused.
 */
export function followKpis(token, { onRevision, onState, onAuthError }) {
  let stopped = false;
  let controller = null;
  let retries = 0;

  async function readOnce() {
    controller = new AbortController();
    const response = await fetch('v1/kpis/stream', {
      headers: authHeaders(token, 'text/event-stream'), cache: 'no-store', signal: controller.signal,
    });
    if (response.status === 401 || response.status === 403) {
      throw new AuthError(response.status);
    }
    if (!response.ok || !response.body) {
      throw new Error(`the stream answered ${response.status}`);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return; // the server ended it (a restart, a proxy's idle timeout): connect again
      }
      buffered = dispatch(buffered + value, (name, data) => {
        if (name === 'kpis') {
          retries = 0; // only a stream that delivers counts as recovered, not one that merely opens
          onState('live');
          onRevision(JSON.parse(data).revision);
        }
      });
    }
  }

  async function run() {
    while (!stopped) {
      try {
        await readOnce();
      } catch (failure) {
        if (stopped) {
          return;
        }
        if (failure instanceof AuthError) {
          onAuthError(failure);
          return;
        }
      }
      if (stopped) {
        return;
      }
      onState('reconnecting');
      // exponential back-off with jitter, so that many dashboards do not all return at the same instant
      const pause = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** retries) * (0.5 + Math.random() / 2);
      retries += 1;
      await new Promise((resolve) => { setTimeout(resolve, pause); });
    }
  }

  run();
  return {
    stop() {
      stopped = true;
      if (controller) {
        controller.abort();
      }
    },
  };
}
