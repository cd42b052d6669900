-- (a) GET /api/customers/{id}: the URL comes from the command line; args: <customer id> <agent token>.
--   wrk -t2 -c16 -d30s --latency -s bench/rest.lua http://127.0.0.1:8780/api/customers/1 -- 1 "$TOKEN"
local here = string.match(debug.getinfo(1, "S").source, "^@(.*/)") or "./"
dofile(here .. "common.lua")

local customer_id

function init(args)
   customer_id = assert(args[1], "usage: -- <customer id> <agent token>")
   wrk.headers["Accept"] = "application/json"
   wrk.headers["Authorization"] = "Bearer " .. assert(args[2], "usage: -- <customer id> <agent token>")
end

function response(status, headers, body)
   checked = checked + 1
   if status ~= 200 then
      non200 = non200 + 1
      remember("non-200", status, body)
   elseif not has_id(body, customer_id) then
      unexpected = unexpected + 1
      remember("not the customer", status, body)
   end
end
