-- A random short code per request, from a file of codes, one a line:
--   wrk ... -s random.lua http://127.0.0.1:8480 -- CODES_FILE [PATH_PREFIX]
-- PATH_PREFIX (default "/") lets the bare-servlet ceiling run with the same client-side work.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local paths = {}
local count = 0

function init(args)
  local prefix = args[2] or "/"
  for code in io.lines(args[1]) do
    count = count + 1
    paths[count] = prefix .. code
  end
  math.randomseed(os.time() + count)
end

function request()
  return wrk.format("GET", paths[math.random(count)])
end
