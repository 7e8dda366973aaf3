// Gunzips the corpus file off the page's main thread (src/data.rs). It says 'ready' once loaded,
// then takes one ArrayBuffer of gzip and answers with the decompressed ArrayBuffer (both
// transferred, not copied), or with { error }.
postMessage('ready');
onmessage = async ({ data }) => {
  try {
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('gzip'));
    const out = await new Response(stream).arrayBuffer();
    postMessage(out, [out]);
  } catch (error) {
    postMessage({ error: String(error) });
  }
};
