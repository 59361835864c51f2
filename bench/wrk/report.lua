-- Shared by the benchmark's wrk scripts (loaded with dofile): one machine-readable line at the end,
--   RESULT <requests> <seconds> <req/s> <p50 ms> <p99 ms> <errors>
-- errors = connect + read + write + timeout errors + responses that were neither 2xx nor 3xx.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format("RESULT %d %.2f %.0f %.3f %.3f %d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
