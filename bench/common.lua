-- Shared by rest.lua and mcp.lua (loaded with dofile): per-thread response counters and one summary line that
-- bench/run.sh parses. Every response is checked, so the two targets pay the same client-side Lua cost.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

-- per-thread counters (each wrk thread has its own Lua state; done() reads them with thread:get)
checked, non200, is_error, rpc_error, unexpected = 0, 0, 0, 0, 0
sample = nil

-- remember the first bad response of this thread, for the report
function remember(kind, status, body)
   if sample == nil then
      sample = kind .. " (HTTP " .. status .. "): " .. string.sub(body or "", 1, 300)
   end
end

-- true when body has the member "id":<id> at or after position from (the id, not a longer number)
function has_id(body, id, from)
   local key = '"id":' .. id
   local at = string.find(body, key, from or 1, true)
   while at do
      local after = string.sub(body, at + #key, at + #key)
      if after == "," or after == "}" then
         return true
      end
      at = string.find(body, key, at + 1, true)
   end
   return false
end

function done(summary, latency, requests)
   local totals = { checked = 0, non200 = 0, is_error = 0, rpc_error = 0, unexpected = 0 }
   local first
   for _, thread in ipairs(threads) do
      for name in pairs(totals) do
         totals[name] = totals[name] + (tonumber(thread:get(name)) or 0)
      end
      first = first or thread:get("sample")
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "BENCH rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d checked=%d non200=%d is_error=%d rpc_error=%d " ..
      "unexpected=%d socket_errors=%d bytes_per_response=%.0f\n",
      summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.requests, totals.checked, totals.non200, totals.is_error, totals.rpc_error, totals.unexpected,
      e.connect + e.read + e.write + e.timeout,
      summary.requests > 0 and summary.bytes / summary.requests or 0))
   if first then
      io.write("BENCH first bad response: ", first, "\n")
   end
end

