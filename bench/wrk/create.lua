-- Link creation: each request POSTs a new, unique URL through the home page form (the public
-- path), the REST API (POST /rest/v3/short-urls with an API key, as Shlink's clients do) or the
-- service alone (bench/create, benchmark WAR only):
--   wrk ... -s create.lua http://127.0.0.1:8480 -- form|api|service RUN_TAG [API_KEY]
-- A form answer counts as created only if it shows the short link, an API answer only if it is
-- 200 with the shortCode; others are counted as failed.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local report = done

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

-- failed is global: done() reads it from each thread with thread:get.
local mode, tag, n = "form", "run", 0
failed = 0

function init(args)
  mode = args[1] or "form"
  tag = args[2] or tostring(os.time())
  if mode == "api" then
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["X-Api-Key"] = args[3]
  else
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
end

function request()
  n = n + 1
  local url = "https%3A%2F%2Fexample.com%2Fcreated%2F" .. tag .. "%2F" .. tid .. "%2F" .. n
  if mode == "service" then
    return wrk.format("POST", "/bench/create", nil, "url=" .. url)
  end
  if mode == "api" then
    return wrk.format("POST", "/rest/v3/short-urls", nil,
      '{"longUrl":"https://example.com/created/' .. tag .. "/" .. tid .. "/" .. n .. '"}')
  end
  return wrk.format("POST", "/index.xhtml", nil,
    "shorten=shorten&shorten%3Aurl=" .. url .. "&shorten%3Asubmit=Shorten&jakarta.faces.ViewState=stateless")
end

function response(status, headers, body)
  if mode == "service" then
    if status ~= 201 then failed = failed + 1 end
  elseif mode == "api" then
    if status ~= 200 or not string.find(body, '"shortCode"', 1, true) then failed = failed + 1 end
  elseif status ~= 200 or not string.find(body, 'id="short-url"', 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("failed")
  end
  io.write(string.format("FAILED %d\n", total))
  report(summary, latency, requests)
end
