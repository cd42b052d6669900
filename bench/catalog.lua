-- tools/list, every page in turn, on an open session: POST /mcp; args: <session id> <token> <cursors, comma-separated;
-- the first page has none>. Every response must be a page of tools.
local here = string.match(debug.getinfo(1, "S").source, "^@(.*/)") or "./"
dofile(here .. "common.lua")

local bodies = {}
local next_page = 0

function init(args)
   wrk.method = "POST"
   wrk.headers["Mcp-Session-Id"] = assert(args[1], "usage: -- <session> <token> <cursors>")
   wrk.headers["MCP-Protocol-Version"] = "2025-11-25"
   wrk.headers["Content-Type"] = "application/json"
   wrk.headers["Accept"] = "application/json, text/event-stream"
   wrk.headers["Authorization"] = "Bearer " .. assert(args[2], "usage: -- <session> <token> <cursors>")
   table.insert(bodies, '{"jsonrpc":"2.0","id":1,"method":"tools/list"}')
   for cursor in string.gmatch(args[3] or "", "[^,]+") do
      table.insert(bodies, '{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"cursor":"' .. cursor .. '"}}')
   end
end

function request()
   next_page = next_page % #bodies + 1
   return wrk.format(nil, nil, nil, bodies[next_page])
end

function response(status, headers, body)
   checked = checked + 1
   if status ~= 200 then
      non200 = non200 + 1
      remember("non-200", status, body)
   elseif string.find(body, '"error":', 1, true) then
      rpc_error = rpc_error + 1
      remember("JSON-RPC error", status, body)
   elseif not string.find(body, '"tools":[{', 1, true) then
      unexpected = unexpected + 1
      remember("not a page of tools", status, body)
   end
end
