// The official TypeScript SDK v2 client (@modelcontextprotocol/client), which speaks MCP 2026-07-28: pinned to that
// revision, so it connects statelessly (server/discover, no initialize, no session), lists the tools and calls one.
// Usage: node ts-sdk-v2.mjs URL TOKEN TOOL ARGUMENTS_JSON; prints one JSON line with what it saw.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { allToolNames } from './tools.mjs';

const [url, token, tool, args] = process.argv.slice(2);
const client = new Client({ name: 'ts-sdk-v2-it', version: '2.4.0' },
    { versionNegotiation: { mode: { pin: '2026-07-28' } } });
const transport = new StreamableHTTPClientTransport(new URL(url),
    { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
await client.connect(transport);
const tools = await allToolNames(client);
const call = await client.callTool({ name: tool, arguments: JSON.parse(args) });
console.log(JSON.stringify({ protocolVersion: client.getNegotiatedProtocolVersion(), tools, call }));
await client.close();
