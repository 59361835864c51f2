-- A signed-in list: GET of one path with one header, the admin's session cookie or an API key.
--   wrk ... -s admin.lua http://127.0.0.1:8480 -- "Cookie: shortener-admin=TOKEN" "/admin/links?q=x"
--   wrk ... -s admin.lua http://127.0.0.1:8480 -- "X-Api-Key: KEY" "/rest/v3/short-urls"
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local path = "/"

function init(args)
  local name, value = string.match(args[1], "^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
  path = args[2]
end

function request()
  return wrk.format("GET", path)
end
