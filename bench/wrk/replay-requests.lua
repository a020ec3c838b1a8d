-- Replays the HTTP requests bench/load.ts prepared (one file, each request as "<byte length>\n<raw
-- request>"), cycling through them on every connection. Where a request carries the unique-id slot
-- (a UUID that stands for "a fresh id here"), every occurrence gets an id no other request of the
-- run carries: <run prefix>-<thread number>-4000-8000-<per-thread counter>, same length as the slot,
-- so the prepared content-length stays right.
-- Arguments (after --): requests file, run prefix (8 hex digits), unique-id slot.
-- A response counts as an error when it is not 2xx or its body carries GraphQL "errors" or an
-- ErrorResult's "errorCode", as with autocannon. done() prints one "omnitill-result" line.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

local requests = {}
local next_index
local run_prefix
local slot_pattern
local unique_counter = 0
response_errors = 0
error_samples = ""

local function read_requests(path)
  local file = assert(io.open(path, "rb"))
  local content = file:read("*a")
  file:close()
  local position = 1
  while position <= #content do
    local newline = content:find("\n", position, true)
    local length = tonumber(content:sub(position, newline - 1))
    table.insert(requests, content:sub(newline + 1, newline + length))
    position = newline + length + 1
  end
end

local function next_unique_id()
  unique_counter = unique_counter + 1
  return string.format("%s-%04x-4000-8000-%012x", run_prefix, thread_number, unique_counter)
end

function init(args)
  read_requests(args[1])
  run_prefix = args[2]
  slot_pattern = args[3]:gsub("%-", "%%-")
  -- Threads start apart in the list, so they do not send the same basket at the same moment.
  next_index = ((thread_number - 1) * 997) % #requests + 1
end

function request()
  local prepared = requests[next_index]
  next_index = next_index % #requests + 1
  return (prepared:gsub(slot_pattern, next_unique_id))
end

function response(status, headers, body)
  if status < 200 or status >= 300 or body:find('"errors"', 1, true) or body:find('"errorCode"', 1, true) then
    response_errors = response_errors + 1
    if response_errors <= 3 then
      error_samples = error_samples .. "omnitill-error " .. status .. " " .. body:sub(1, 300):gsub("%s+", " ") .. "\n"
    end
  end
end

function done(summary, latency)
  local errors, samples = 0, ""
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("response_errors")
    samples = samples .. thread:get("error_samples")
  end
  local socket = summary.errors
  io.write(samples)
  io.write(string.format(
    "omnitill-result requests=%d duration_us=%d p50_us=%d p99_us=%d response_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), errors,
    socket.connect + socket.read + socket.write + socket.timeout
  ))
end
