// The official TypeScript SDK 1.x client (@modelcontextprotocol/sdk), which opens a session with initialize
// (2025-11-25): lists the tools and calls one. Usage: node ts-sdk-v1.mjs URL TOKEN TOOL ARGUMENTS_JSON; prints one
// JSON line with what it saw.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { allToolNames } from './tools.mjs';

const [url, token, tool, args] = process.argv.slice(2);
const client = new Client({ name: 'ts-sdk-v1-it', version: '1.32.2' });
const transport = new StreamableHTTPClientTransport(new URL(url),
    { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
await client.connect(transport);
const tools = await allToolNames(client);
const call = await client.callTool({ name: tool, arguments: JSON.parse(args) });
console.log(JSON.stringify({ protocolVersion: transport.protocolVersion, tools, call }));
await transport.terminateSession();
await client.close();
