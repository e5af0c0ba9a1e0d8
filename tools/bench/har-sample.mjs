/**
 * A HAR file for the lookup benchmark: `entries` requests (default 500) adding up to about `bytes`
 * (default 5 MB), the way a browser saves a busy page: mostly successful JSON answers, some large,
 * and `failures` failed ones (default 50) taken from the generator's request samples (a request to
 * an operation and its error response in the surface's envelope).
 */

/** Splits a raw exchange sample (request line, headers, blank, status line, headers, blank, body). */
function parseSample(sample) {
  const [requestPart, ...rest] = sample.split(/\n(?=HTTP\/1\.1 )/);
  const requestLines = requestPart.split('\n').filter(Boolean);
  const [method, url] = requestLines[0].split(' ');
  const requestHeaders = requestLines.slice(1).map((line) => {
    const at = line.indexOf(':');
    return { name: line.slice(0, at), value: line.slice(at + 1).trim() };
  });
  const response = rest.join('\n');
  const [head, body = ''] = response.split(/\n\n/);
  const [statusLine, ...headerLines] = head.split('\n');
  const status = Number(statusLine.split(' ')[1]);
  const headers = headerLines.map((line) => {
    const at = line.indexOf(':');
    return { name: line.slice(0, at), value: line.slice(at + 1).trim() };
  });
  return { method, url, requestHeaders, status, headers, body };
}

/** @param {{ requests: string[] }} samples */
export function harSample(samples, { entries = 500, bytes = 5 * 1024 * 1024, failures = 50 } = {}) {
  if (!samples.requests?.length) throw new Error('the samples have no requests; regenerate the synthetic catalog');
  const failed = Array.from({ length: failures }, (_, index) =>
    parseSample(samples.requests[index % samples.requests.length]),
  );
  const okCount = entries - failures;
  // Pretty-printed HAR JSON spends about a fifth of its bytes on indentation and entry fields.
  const perEntry = Math.max(200, Math.floor(((bytes - failures * 1500) / okCount) * 0.88) - 900);
  const every = Math.max(1, Math.floor(entries / failures));
  const list = [];
  let failedIndex = 0;
  for (let index = 0; index < entries; index += 1) {
    const started = new Date(Date.UTC(2026, 0, 1, 10, 0, 0, index * 37)).toISOString();
    if (index % every === every - 1 && failedIndex < failed.length) {
      const sample = failed[failedIndex++];
      list.push({
        startedDateTime: started,
        time: 120,
        request: {
          method: sample.method,
          url: sample.url,
          httpVersion: 'HTTP/1.1',
          headers: sample.requestHeaders,
          queryString: [],
          cookies: [],
          headersSize: -1,
          bodySize: 0,
        },
        response: {
          status: sample.status,
          statusText: '',
          httpVersion: 'HTTP/1.1',
          headers: sample.headers,
          cookies: [],
          content: { size: sample.body.length, mimeType: 'application/json', text: sample.body },
          redirectURL: '',
          headersSize: -1,
          bodySize: sample.body.length,
        },
        cache: {},
        timings: { send: 1, wait: 100, receive: 19 },
      });
      continue;
    }
    const items = [];
    let size = 0;
    for (let item = 0; size < perEntry; item += 1) {
      const record = {
        id: `obj_${index}_${item}`,
        amount: 1000 + item,
        currency: 'EUR',
        status: 'succeeded',
        description: `Order ${index}-${item} of the benchmark page, with some words in it`,
      };
      size += JSON.stringify(record).length + 1;
      items.push(record);
    }
    const text = JSON.stringify({ data: items, hasMore: false });
    list.push({
      startedDateTime: started,
      time: 80,
      request: {
        method: 'GET',
        url: `https://api.synthetic.example/v2/things?page=${index}`,
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Accept', value: 'application/json' }],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        cookies: [],
        content: { size: text.length, mimeType: 'application/json', text },
        redirectURL: '',
        headersSize: -1,
        bodySize: text.length,
      },
      cache: {},
      timings: { send: 1, wait: 60, receive: 19 },
    });
  }
  return JSON.stringify(
    { log: { version: '1.2', creator: { name: 'bench', version: '1' }, pages: [], entries: list } },
    null,
    2,
  );
}
