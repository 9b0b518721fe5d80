-- A catalogue of incident titles and their slugs; every title names an error or a failure.
local wf = require("wordfreq")

describe("slug catalogue", function()
  local kinds = { "Error", "Failure", "Timeout error", "Fatal crash", "Upload failed" }
  for n = 1, tonumber(os.getenv("WORDFREQ_ROUNDS") or "40") do
    for _, kind in ipairs(kinds) do
      local title = ("%s #%d: retry failed!"):format(kind, n)
      it(("slugs '%s'"):format(title), function()
        local expected = ("%s-%d-retry-failed"):format(kind:lower():gsub(" ", "-"), n)
        assert.are.equal(expected, wf.slug(title))
      end)
    end
  end
end)
