// mcp-remote, the stdio bridge Claude Desktop runs to reach a remote MCP server, started as Claude Desktop starts
// it (npx mcp-remote URL --header "Authorization: Bearer ..."), driven over stdio by the TypeScript SDK 1.x client:
// lists the tools and calls one. Usage: node mcp-remote.mjs URL TOKEN TOOL ARGUMENTS_JSON; prints one JSON line.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { fileURLToPath } from 'node:url';
import { allToolNames } from './tools.mjs';

const [url, token, tool, args] = process.argv.slice(2);
const bridge = fileURLToPath(new URL('./node_modules/mcp-remote/dist/proxy.js', import.meta.url));
const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bridge, url, '--header', `Authorization: Bearer ${token}`],
    stderr: 'inherit',
});
const client = new Client({ name: 'claude-desktop-like', version: '1' });
await client.connect(transport);
const tools = await allToolNames(client);
const call = await client.callTool({ name: tool, arguments: JSON.parse(args) });
console.log(JSON.stringify({ tools, call }));
await client.close();
