-- Random short codes as random.lua picks them, each request dressed as a visit the statistics
-- classify: a User-Agent of 10 browsers and 4 bots or previews, a Referer from a small set (or
-- none), a random client address in X-Forwarded-For (start the server with
-- SHORTENER_TRUST_PROXY=true, so every request is a visitor of its own), 1 in 20 with DNT: 1.
--   wrk ... -s visits.lua http://127.0.0.1:8480 -- CODES_FILE
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local paths = {}
local count = 0

local agents = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
}
local referrers = {
  "https://www.google.com/", "https://t.co/x1y2z3", "https://www.facebook.com/",
  "https://news.ycombinator.com/item?id=4242", "https://www.reddit.com/r/programming/",
  "android-app://com.slack/", "https://duckduckgo.com/",
}

function init(args)
  for code in io.lines(args[1]) do
    count = count + 1
    paths[count] = "/" .. code
  end
  math.randomseed(os.time() + count)
end

function request()
  local headers = {
    ["User-Agent"] = agents[math.random(#agents)],
    ["X-Forwarded-For"] = string.format("%d.%d.%d.%d", math.random(1, 223), math.random(0, 255),
      math.random(0, 255), math.random(1, 254)),
  }
  -- Half the visits come with no Referer, as typed or app links do.
  local r = math.random(2 * #referrers)
  if r <= #referrers then
    headers["Referer"] = referrers[r]
  end
  if math.random(20) == 1 then
    headers["DNT"] = "1"
  end
  return wrk.format("GET", paths[math.random(count)], headers)
end
