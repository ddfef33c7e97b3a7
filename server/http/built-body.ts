// A JSON or problem+json answer is one string before it is a Response. The Response keeps its real
// body (anything may still read it), and the string rides beside it so the API dispatcher can write
// it directly: reading it back out of the Response goes through a web stream (a reader, a promise per
// chunk, a copy), which cost the server thread more than the write itself. A registered symbol, so a
// second copy of this module (a bundle) still finds it.
const TEXT = Symbol.for("market-triage.response-text");

type WithText = Response & { [TEXT]?: string };

/** A Response of `text`, which the dispatcher may send without reading the body back. */
export function textResponse(text: string, init: ResponseInit): Response {
  const response: WithText = new Response(text, init);
  response[TEXT] = text;
  return response;
}

/** The string a Response was built from, unless its body has been read (or it was not built here). */
export function builtText(response: Response): string | undefined {
  return response.bodyUsed ? undefined : (response as WithText)[TEXT];
}
