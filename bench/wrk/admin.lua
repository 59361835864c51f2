-- The admin's list, signed in: GET of one path with the session cookie.
--   wrk ... -s admin.lua http://127.0.0.1:8480 -- "shortener-admin=TOKEN" "/admin/links?q=x"
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local path = "/"

function init(args)
  wrk.headers["Cookie"] = args[1]
  path = args[2]
end

function request()
  return wrk.format("GET", path)
end
