-- Hundreds of passing checks whose names carry error and failure words, as a real suite's often do.
local wf = require("wordfreq")

describe("error and failure vocabulary", function()
  local words = { "error", "failure", "failed", "fatal", "exception", "panic", "abort", "crash" }
  for round = 1, tonumber(os.getenv("WORDFREQ_ROUNDS") or "40") do
    for _, word in ipairs(words) do
      it(("counts the word '%s' in error report #%d"):format(word, round), function()
        local text = ("%s: step %d; "):format(word, round):rep(round % 5 + 1)
        assert.are.equal(round % 5 + 1, wf.counts(text)[word])
      end)
    end
  end
end)
