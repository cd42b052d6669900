-- (b) and (c) MCP tools/call retrieve_customer on an open session: POST /mcp; args: <session id> <customer id>
-- [<token>] (no token: no Authorization header, for the SDK target, which has no authentication).
--   wrk -t2 -c16 -d30s --latency -s bench/mcp.lua http://127.0.0.1:8780/mcp -- "$SESSION" 1 "$TOKEN"
local here = string.match(debug.getinfo(1, "S").source, "^@(.*/)") or "./"
dofile(here .. "common.lua")

local customer_id

function init(args)
   local session = assert(args[1], "usage: -- <Mcp-Session-Id> <customer id>")
   customer_id = assert(args[2], "usage: -- <Mcp-Session-Id> <customer id>")
   assert(string.match(customer_id, "^%d+$"), "the customer id must be a number")
   -- wrk builds the request once, after init: a static request, as for rest.lua
   wrk.method = "POST"
   wrk.headers["Mcp-Session-Id"] = session
   wrk.headers["MCP-Protocol-Version"] = "2025-11-25"
   wrk.headers["Content-Type"] = "application/json"
   wrk.headers["Accept"] = "application/json, text/event-stream"
   if args[3] and args[3] ~= "" then
      wrk.headers["Authorization"] = "Bearer " .. args[3]
   end
   wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"retrieve_customer",' ..
              '"arguments":{"id":' .. customer_id .. '}}}'
end

function response(status, headers, body)
   checked = checked + 1
   if status ~= 200 then
      non200 = non200 + 1
      remember("non-200", status, body)
   elseif string.find(body, '"isError":true', 1, true) then
      is_error = is_error + 1
      remember("isError", status, body)
   elseif string.find(body, '"error":', 1, true) then
      rpc_error = rpc_error + 1
      remember("JSON-RPC error", status, body)
   else
      -- the customer must be in structuredContent (the JSON-RPC envelope has an "id" of its own)
      local structured = string.find(body, '"structuredContent":', 1, true)
      if not structured or not string.find(body, '"isError":false', 1, true)
            or not has_id(body, customer_id, structured) then
         unexpected = unexpected + 1
         remember("not the customer", status, body)
      end
   end
end
