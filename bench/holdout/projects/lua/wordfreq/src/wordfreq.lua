-- Word statistics for plain text: counts, the most frequent words, line wrapping and slugs.
local M = {}

function M.words(text)
  local out = {}
  for word in text:lower():gmatch("[%a']+") do
    out[#out + 1] = word
  end
  return out
end

function M.counts(text)
  local counts = {}
  for _, word in ipairs(M.words(text)) do
    counts[word] = (counts[word] or 0) + 1
  end
  return counts
end

function M.top(text, n)
  local counts, list = M.counts(text), {}
  for word, count in pairs(counts) do
    list[#list + 1] = { word = word, count = count }
  end
  table.sort(list, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    return a.word < b.word
  end)
  local top = {}
  for i = 1, math.min(n, #list) do
    top[i] = list[i].word
  end
  return top
end

function M.wrap(text, width)
  if width < 1 then
    error("width must be positive, got " .. tostring(width))
  end
  local lines, line = {}, ""
  for _, word in ipairs(M.words(text)) do
    if #line == 0 then
      line = word
    elseif #line + 1 + #word <= width then
      line = line .. " " .. word
    else
      lines[#lines + 1] = line
      line = word
    end
  end
  if #line > 0 then lines[#lines + 1] = line end
  return lines
end

function M.slug(title)
  local slug = title:lower():gsub("[^%w]+", "-"):gsub("^-+", ""):gsub("-+$", "")
  return slug
end

return M
