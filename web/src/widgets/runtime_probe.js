// Widget requests to the page's runtime worker (the direct JS API, next to
// the cell protocol: see web/src/runtime_worker.js). Requests carry string
// ids ("widget-1"), which the RuntimeClient never uses, so it ignores their
// replies. A request lost to a worker restart is sent once more to the new
// worker.
let seq = 0;

function send(client, payload, timeoutMs) {
  return new Promise((resolve, reject) => {
    const worker = client.worker;
    if (!worker) {
      reject(Object.assign(new Error('the runtime is not running'), { retry: true }));
      return;
    }
    const id = `widget-${++seq}`;
    let timer = null;
    const cleanup = () => {
      worker.removeEventListener('message', onMessage);
      client.removeEventListener('restarted', onRestart);
      clearTimeout(timer);
    };
    const onMessage = ({ data }) => {
      if (!data || data.id !== id) return;
      cleanup();
      if (data.type === 'result') resolve(data);
      else reject(new Error(data.message || 'the request failed'));
    };
    const onRestart = () => {
      cleanup();
      reject(Object.assign(new Error('the runtime was restarted'), { retry: true }));
    };
    worker.addEventListener('message', onMessage);
    client.addEventListener('restarted', onRestart);
    timer = setTimeout(() => {
      cleanup();
      reject(new Error('the runtime did not answer in time'));
    }, timeoutMs);
    worker.postMessage({ ...payload, id });
  });
}

// {kind, shape, groups, index} -> {changed: Int32Array, y: Float32Array}
export async function probeNorm(client, request, { timeoutMs = 60000 } = {}) {
  const payload = { type: 'normProbe', ...request };
  try {
    return await send(client, payload, timeoutMs);
  } catch (error) {
    if (!error.retry) throw error;
    return send(client, payload, timeoutMs);
  }
}
