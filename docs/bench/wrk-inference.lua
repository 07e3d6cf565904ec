-- wrk script for the fleet's public API: POST /inference with English, Thai and mixed titles in turn.
--   saturation:  wrk -t2 -c32 -d30s --latency -s docs/bench/wrk-inference.lua http://localhost:8080
--   paced:       WRK_DELAY_MS=45 wrk -t1 -c10 -d60s --latency -s docs/bench/wrk-inference.lua http://localhost:8080
-- Debian's wrk has no fixed-rate mode (that is wrk2), so pacing is a per-connection pause between requests
-- (WRK_DELAY_MS); the achieved rate is in wrk's "Requests/sec" line. MODE=all asks every agent.
-- TITLES=FILE takes the titles from a JSONL file instead (each line's "title" or "product_name", as written there,
-- escapes and all), e.g. TITLES=../shared/data/dev.jsonl; LIMIT=N keeps the first N.
local titles = {
  "Eucerin Spotless Brightening Body Lotion 250ml",
  "ยูเซอริน สปอตเลส ไบรท์เทนนิ่ง บอดี้ โลชั่น 250 มล.",
  "[โปรแรง] Nivea Sun Protect SPF50 นีเวีย ซัน 50ml",
  "iPhone 15 Pro Max 256GB สีดำ",
  "มาม่า รสต้มยำกุ้ง 55 กรัม x 10 ซอง",
  "Samsung Galaxy S24 Ultra ซัมซุง 512GB",
  "Generic USB-C Cable 1m",
  "เนสกาแฟ เรดคัพ กาแฟสำเร็จรูป 180 กรัม Nescafe Red Cup",
}
-- The JSON string value of a field, still escaped (it goes straight back into a JSON body).
local function field(line, name)
  local _, e = line:find('"' .. name .. '"%s*:%s*"')
  if not e then return nil end
  local i = e + 1
  while i <= #line do
    local c = line:sub(i, i)
    if c == "\\" then i = i + 2
    elseif c == '"' then return line:sub(e + 1, i - 1)
    else i = i + 1 end
  end
  return nil
end

local file = os.getenv("TITLES")
if file and file ~= "" then
  local limit = tonumber(os.getenv("LIMIT") or "0")
  local loaded = {}
  for line in io.lines(file) do
    local t = field(line, "title") or field(line, "product_name")
    if t and #t > 0 then loaded[#loaded + 1] = t end
    if limit > 0 and #loaded >= limit then break end
  end
  assert(#loaded > 0, "no titles in " .. file)
  titles = loaded
end

local mode = os.getenv("MODE") or "cascade"
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "0")
local i = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  i = i + 1
  local body = '{"product_name": "' .. titles[(i % #titles) + 1] .. '", "mode": "' .. mode .. '"}'
  return wrk.format(nil, "/inference", nil, body)
end

if pause > 0 then
  delay = function()
    return pause
  end
end
